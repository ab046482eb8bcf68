import { Injectable, inject, signal } from '@angular/core';
import { CreateProposalRequest, ProjectProposal, ProposalDecisionResult, Role } from '@sillon/contracts';
import { firstValueFrom } from 'rxjs';
import { errorMessageOf, fieldErrorsOf, problemOf } from '@sillon/dashboard/shared/util';
import { ProposalNotifications } from './proposal-notifications';
import { ProposalsApi } from './proposals-api';

export type ProposalOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; fieldErrors: Record<string, string>; status: number; current?: unknown };

function failure(error: unknown): { ok: false; message: string; fieldErrors: Record<string, string>; status: number; current?: unknown } {
  const problem = problemOf(error);
  return { ok: false, message: errorMessageOf(error), fieldErrors: fieldErrorsOf(error), status: problem?.status ?? 0, current: problem?.current };
}

const newestFirst = (a: ProjectProposal, b: ProjectProposal) => (b.decidedAt ?? b.proposedAt).localeCompare(a.decidedAt ?? a.proposedAt);

// The proposals panel of the board: what a lab manager has to decide, what a lead has proposed and
// the decisions they have not acknowledged yet.
@Injectable()
export class ProposalsStore {
  private readonly api = inject(ProposalsApi);
  private readonly notifications = inject(ProposalNotifications);
  private role: Role | null = null;

  readonly items = signal<ProjectProposal[] | null>(null);
  readonly error = signal<string | null>(null);

  async load(role: Role | null): Promise<void> {
    this.role = role;
    if (role !== 'lab_manager' && role !== 'project_lead') {
      this.items.set([]);
      return;
    }
    try {
      const pending = firstValueFrom(this.api.list({ status: 'pending', pageSize: 200 }));
      const unseen = role === 'project_lead' ? firstValueFrom(this.api.list({ unseen: true, pageSize: 200 })) : Promise.resolve(null);
      const [open, decided] = await Promise.all([pending, unseen]);
      this.items.set([...open.items.sort(newestFirst), ...(decided?.items ?? []).sort(newestFirst)]);
      this.error.set(null);
    } catch (error: unknown) {
      this.error.set(errorMessageOf(error));
    }
    void this.notifications.refresh();
  }

  // Rejects with the API's error, which the gate dialog reads as it reads a move's.
  async propose(projectId: string, request: CreateProposalRequest): Promise<ProjectProposal> {
    const proposal = await firstValueFrom(this.api.propose(projectId, request));
    this.items.update((items) => [proposal, ...(items ?? []).filter((p) => p.id !== proposal.id)]);
    return proposal;
  }

  async decide(proposal: ProjectProposal, decision: 'accepted' | 'refused', note: string): Promise<ProposalOutcome<ProposalDecisionResult>> {
    try {
      const result = await firstValueFrom(this.api.decide(proposal.id, { decision, version: proposal.version, ...(note ? { note } : {}) }));
      this.items.update((items) => (items ?? []).filter((p) => p.id !== proposal.id));
      void this.notifications.refresh();
      return { ok: true, value: result };
    } catch (error: unknown) {
      const outcome = failure(error);
      // Decided elsewhere or changed: the list as it stands now.
      if (outcome.status === 409) void this.load(this.role);
      return outcome;
    }
  }

  async acknowledge(proposal: ProjectProposal): Promise<ProposalOutcome<ProjectProposal>> {
    try {
      const seen = await firstValueFrom(this.api.acknowledge(proposal.id));
      this.items.update((items) => (items ?? []).filter((p) => p.id !== proposal.id));
      void this.notifications.refresh();
      return { ok: true, value: seen };
    } catch (error: unknown) {
      return failure(error);
    }
  }
}
