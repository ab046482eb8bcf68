import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PROPOSAL_STATUS_LABELS_FR, ProjectProposal, ProposalDecision, ProposalDecisionResult, STAGE_LABELS_FR } from '@sillon/contracts';
import { PipelineStore, ProposalsStore } from '@sillon/dashboard/pipeline/data-access';
import type { DecisionDialogData } from '../decision-dialog/decision-dialog';

// Proposals on the board: the lab manager accepts or refuses them; a project lead follows theirs and
// acknowledges each decision.
@Component({
  selector: 'sil-proposals-panel',
  imports: [DatePipe, MatButtonModule, RouterLink],
  templateUrl: './proposals-panel.html',
  styleUrl: './proposals-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalsPanel {
  protected readonly store = inject(ProposalsStore);
  private readonly board = inject(PipelineStore);
  private readonly injector = inject(Injector);
  private readonly announcer = inject(LiveAnnouncer);

  readonly isManager = input(false);

  protected readonly stages = STAGE_LABELS_FR;
  protected readonly statuses = PROPOSAL_STATUS_LABELS_FR;
  protected readonly error = signal<string | null>(null);
  protected readonly title = computed(() => (this.isManager() ? 'Propositions à décider' : 'Mes propositions'));
  protected readonly empty = computed(() =>
    this.isManager() ? 'Aucune proposition de passage en attente.' : 'Aucune proposition en cours ni décision à lire.',
  );

  // The dialog is loaded when a decision starts, not with the board.
  protected async decide(proposal: ProjectProposal, decision: ProposalDecision): Promise<void> {
    const [{ DecisionDialog }, { MatDialog }] = await Promise.all([import('../decision-dialog/decision-dialog'), import('@angular/material/dialog')]);
    const ref = this.injector.get(MatDialog).open<InstanceType<typeof DecisionDialog>, DecisionDialogData, ProposalDecisionResult>(DecisionDialog, {
      data: { proposal, decision },
      injector: this.injector,
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
      restoreFocus: false,
    });
    ref.afterClosed().subscribe((result) => {
      if (!result) return;
      if (result.project) this.board.place(result.project);
      void this.announcer.announce(
        result.project
          ? `Proposition acceptée : ${result.proposal.projectName} est passé en ${STAGE_LABELS_FR[result.project.stage]}.`
          : `Proposition pour ${result.proposal.projectName} refusée.`,
      );
      this.focusPanel();
    });
  }

  protected async acknowledge(proposal: ProjectProposal): Promise<void> {
    this.error.set(null);
    const outcome = await this.store.acknowledge(proposal);
    if (!outcome.ok) {
      this.error.set(outcome.message);
      return;
    }
    void this.announcer.announce(`Décision sur ${proposal.projectName} lue.`);
    this.focusPanel();
  }

  // The row and its buttons are gone: focus goes to the panel's heading.
  private focusPanel(): void {
    setTimeout(() => document.getElementById('propositions-titre')?.focus());
  }
}
