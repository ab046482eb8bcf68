import { Injectable, computed, inject, signal } from '@angular/core';
import {
  AuditEvent,
  CreateFundingLineRequest,
  CreateMilestoneRequest,
  CreatePartnerRequest,
  FundingLine,
  Milestone,
  Project,
  ProjectFunding,
  ProjectPartner,
  StageTransition,
  UpdateFundingLineRequest,
  UpdateProjectRequest,
  User,
} from '@sillon/contracts';
import { Observable, firstValueFrom } from 'rxjs';
import { errorMessageOf, fieldErrorsOf, isConflict, problemOf } from './problem';
import { ProjectsApi } from './projects-api';

export type WriteResult =
  | { ok: true }
  | { ok: false; message: string; fieldErrors: Record<string, string> }
  // Someone else saved first: `current` is the project as it stands now.
  | { ok: false; conflict: Project; message: string; fieldErrors: Record<string, string> };

export type FundingWriteResult =
  | { ok: true }
  | { ok: false; message: string; fieldErrors: Record<string, string>; current?: FundingLine };

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

  async save(changes: ProjectChanges, version: number): Promise<WriteResult> {
    try {
      this.project.set(await firstValueFrom(this.api.update(this.id, { ...changes, version })));
      void this.refreshAudit();
      return { ok: true };
    } catch (error: unknown) {
      const current = isConflict(error) ? (problemOf(error)?.current as Project | undefined) : undefined;
      if (current) {
        this.project.set(current);
        return { ok: false, conflict: current, message: errorMessageOf(error), fieldErrors: {} };
      }
      return { ok: false, message: errorMessageOf(error), fieldErrors: fieldErrorsOf(error) };
    }
  }

  async logMilestone(request: CreateMilestoneRequest, idempotencyKey: string): Promise<WriteResult> {
    return this.write(async () => {
      const milestone = await firstValueFrom(this.api.createMilestone(this.id, request, idempotencyKey));
      // A replayed answer is the milestone already listed: keep one copy.
      this.milestones.update((s) => ({ ...s, value: [...(s.value ?? []).filter((m) => m.id !== milestone.id), milestone] }));
    });
  }

  async completeMilestone(milestone: Milestone, completedOn: string): Promise<WriteResult> {
    return this.write(async () => {
      const done = await firstValueFrom(this.api.updateMilestone(milestone.id, { version: milestone.version, status: 'done', completedOn }));
      this.milestones.update((s) => ({ ...s, value: (s.value ?? []).map((m) => (m.id === done.id ? done : m)) }));
    });
  }

  async addPartner(request: CreatePartnerRequest): Promise<WriteResult> {
    return this.write(async () => {
      const partner = await firstValueFrom(this.api.addPartner(this.id, request));
      this.partners.update((s) => ({ ...s, value: [...(s.value ?? []), partner] }));
    });
  }

  async removePartner(partner: ProjectPartner): Promise<WriteResult> {
    return this.write(async () => {
      await firstValueFrom(this.api.removePartner(this.id, partner.id));
      this.partners.update((s) => ({ ...s, value: (s.value ?? []).filter((p) => p.id !== partner.id) }));
    });
  }

  async addFunding(request: CreateFundingLineRequest): Promise<WriteResult> {
    return this.write(async () => {
      await firstValueFrom(this.api.addFunding(this.id, request));
      // Totals are the API's to compute.
      await this.fill(this.funding, this.api.funding(this.id));
    });
  }

  // On a stale version the answer carries the line as saved now.
  async updateFunding(id: string, request: UpdateFundingLineRequest): Promise<FundingWriteResult> {
    try {
      await firstValueFrom(this.api.updateFunding(id, request));
      await this.fill(this.funding, this.api.funding(this.id));
      return { ok: true };
    } catch (error: unknown) {
      const current = isConflict(error) ? (problemOf(error)?.current as FundingLine | undefined) : undefined;
      return { ok: false, message: errorMessageOf(error), fieldErrors: fieldErrorsOf(error), current };
    }
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

  private async refreshAudit(): Promise<void> {
    if (this.audit().value !== null) await this.fill(this.audit, this.api.audit(this.id), (page) => page.items);
  }

  private async write(work: () => Promise<void>): Promise<WriteResult> {
    try {
      await work();
      return { ok: true };
    } catch (error: unknown) {
      return { ok: false, message: errorMessageOf(error), fieldErrors: fieldErrorsOf(error) };
    }
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
