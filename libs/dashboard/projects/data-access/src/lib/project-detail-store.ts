import { Injectable, computed, inject, signal } from '@angular/core';
import {
  AuditEvent,
  CreateFundingLineRequest,
  CreateMilestoneRequest,
  CreatePartnerRequest,
  FundingLine,
  Milestone,
  MilestoneOwner,
  Project,
  ProjectStatus,
  ProjectFunding,
  ProjectPartner,
  StageTransition,
  UpdateMilestoneRequest,
  UpdateFundingLineRequest,
  UpdateProjectRequest,
  User,
} from '@sillon/contracts';
import { WriteResult, errorMessageOf, write } from '@sillon/dashboard/shared/util';
import { Observable, firstValueFrom } from 'rxjs';
import { ProjectsApi } from './projects-api';

// A section of the page loaded on its own: its data, or why it could not be read.
export interface Section<T> {
  value: T | null;
  error: string | null;
}

const empty = <T>(): Section<T> => ({ value: null, error: null });

export type ProjectChanges = Omit<UpdateProjectRequest, 'version'>;

// Newest first: what happened last (or is due next) is what a person looks for.
function byDateDesc(a: Milestone, b: Milestone): number {
  const da = a.completedOn ?? a.dueOn;
  const db = b.completedOn ?? b.dueOn;
  return da < db ? 1 : da > db ? -1 : b.createdAt.localeCompare(a.createdAt);
}

@Injectable()
export class ProjectDetailStore {
  private readonly api = inject(ProjectsApi);
  private id = '';

  readonly project = signal<Project | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly transitions = signal<Section<StageTransition[]>>(empty());
  readonly milestones = signal<Section<Milestone[]>>(empty());
  readonly partners = signal<Section<ProjectPartner[]>>(empty());
  readonly funding = signal<Section<ProjectFunding>>(empty());
  readonly audit = signal<Section<AuditEvent[]>>(empty());

  readonly leads = signal<User[]>([]);
  readonly owners = signal<MilestoneOwner[]>([]);

  readonly sortedMilestones = computed(() => [...(this.milestones().value ?? [])].sort(byDateDesc));

  async load(id: string, options: { audit: boolean }): Promise<void> {
    this.id = id;
    this.project.set(null);
    this.loadError.set(null);
    for (const section of [this.transitions, this.milestones, this.partners, this.funding, this.audit]) section.set(empty());
    const sections: Promise<void>[] = [
      this.fill(this.transitions, this.api.transitions(id)),
      this.fill(this.milestones, this.api.milestones(id), (page) => page.items),
      this.fill(this.partners, this.api.partners(id)),
      this.fill(this.funding, this.api.funding(id)),
    ];
    if (options.audit) sections.push(this.fill(this.audit, this.api.audit(id), (page) => page.items));
    try {
      this.project.set(await firstValueFrom(this.api.get(id)));
    } catch (error: unknown) {
      this.loadError.set(errorMessageOf(error));
    }
    await Promise.all(sections);
  }

  // On a stale version the page shows the project as it stands now (`conflict`).
  async save(changes: ProjectChanges, version: number): Promise<WriteResult<Project>> {
    const result = await write(this.api.update(this.id, { ...changes, version }));
    const fresh = result.ok ? result.value : result.conflict;
    if (fresh) this.project.set(fresh);
    if (result.ok) void this.refreshAudit();
    return result;
  }

  async logMilestone(request: CreateMilestoneRequest, idempotencyKey: string): Promise<WriteResult<Milestone>> {
    const result = await write(this.api.createMilestone(this.id, request, idempotencyKey));
    if (result.ok) {
      const milestone = result.value;
      // A replayed answer is the milestone already listed: keep one copy.
      this.milestones.update((s) => ({ ...s, value: [...(s.value ?? []).filter((m) => m.id !== milestone.id), milestone] }));
    }
    return result;
  }

  // Edits, reschedules, completes or cancels a milestone on top of `version`; after a 409 the
  // timeline shows the milestone as it now stands.
  async updateMilestone(id: string, changes: Omit<UpdateMilestoneRequest, 'version'>, version: number): Promise<WriteResult<Milestone>> {
    const result = await write(this.api.updateMilestone(id, { ...changes, version }));
    const fresh = result.ok ? result.value : result.conflict;
    if (fresh) this.placeMilestone(fresh);
    if (result.ok) void this.refreshAudit();
    return result;
  }

  // Pause, resume, stop (with the lesson learned) or mark scaled (with where it went).
  async changeStatus(status: ProjectStatus, rationale: string, version: number): Promise<WriteResult<Project>> {
    return this.projectWrite(async () => (await firstValueFrom(this.api.transition(this.id, { status, rationale, version }))).project);
  }

  async archive(): Promise<WriteResult<Project>> {
    return this.projectWrite(this.api.archive(this.id));
  }

  async restore(version: number): Promise<WriteResult<Project>> {
    return this.projectWrite(this.api.restore(this.id, version));
  }

  async addPartner(request: CreatePartnerRequest): Promise<WriteResult<ProjectPartner>> {
    const result = await write(this.api.addPartner(this.id, request));
    if (result.ok) this.partners.update((s) => ({ ...s, value: [...(s.value ?? []), result.value] }));
    return result;
  }

  async removePartner(partner: ProjectPartner): Promise<WriteResult<void>> {
    const result = await write(this.api.removePartner(this.id, partner.id));
    if (result.ok) this.partners.update((s) => ({ ...s, value: (s.value ?? []).filter((p) => p.id !== partner.id) }));
    return result;
  }

  async addFunding(request: CreateFundingLineRequest): Promise<WriteResult<FundingLine>> {
    const result = await write(this.api.addFunding(this.id, request));
    // Totals are the API's to compute.
    if (result.ok) await this.fill(this.funding, this.api.funding(this.id));
    return result;
  }

  // On a stale version `conflict` is the line as saved now.
  async updateFunding(id: string, request: UpdateFundingLineRequest): Promise<WriteResult<FundingLine>> {
    const result = await write(this.api.updateFunding(id, request));
    if (result.ok || result.conflict) await this.fill(this.funding, this.api.funding(this.id));
    return result;
  }

  // Lab managers only: who may lead a project of their lab.
  async loadLeads(): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.leads());
      this.leads.set(page.items.filter((u) => u.role === 'project_lead' || u.role === 'lab_manager'));
    } catch {
      this.leads.set([]);
    }
  }

  // Who may own a milestone of this project: the people of its lab.
  async loadOwners(labId: string): Promise<void> {
    try {
      this.owners.set(await firstValueFrom(this.api.milestoneOwners(labId)));
    } catch {
      this.owners.set([]);
    }
  }

  private placeMilestone(milestone: Milestone): void {
    this.milestones.update((s) => ({ ...s, value: (s.value ?? []).map((m) => (m.id === milestone.id ? milestone : m)) }));
  }

  // A write that answers the project: shown at once, with its history and audit trail read again.
  // After a 409 the page shows the project as it now stands.
  private async projectWrite(call: Observable<Project> | (() => Promise<Project>)): Promise<WriteResult<Project>> {
    const result = await write(call);
    const fresh = result.ok ? result.value : result.conflict;
    if (fresh) this.project.set(fresh);
    if (result.ok) await Promise.all([this.fill(this.transitions, this.api.transitions(this.id)), this.refreshAudit()]);
    return result;
  }

  private async refreshAudit(): Promise<void> {
    if (this.audit().value !== null) await this.fill(this.audit, this.api.audit(this.id), (page) => page.items);
  }

  private async fill<A, T>(
    target: { set(value: Section<T>): void },
    source: Observable<A>,
    pick: (answer: A) => T = (answer) => answer as unknown as T,
  ): Promise<void> {
    try {
      target.set({ value: pick(await firstValueFrom(source)), error: null });
    } catch (error: unknown) {
      target.set({ value: null, error: errorMessageOf(error) });
    }
  }
}
