import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DECISION_NOTE_MAX, Project, ProjectProposal, ProposalDecision, ProposalDecisionResult, STAGE_LABELS_FR } from '@sillon/contracts';
import { PipelineStore, ProposalsStore } from '@sillon/dashboard/pipeline/data-access';

export interface DecisionDialogData {
  proposal: ProjectProposal;
  decision: ProposalDecision;
}

// The lab manager's answer to a proposal: an acceptance (the move is recorded) with an optional note,
// or a refusal with the note the lead will read.
@Component({
  selector: 'sil-decision-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ accepting ? 'Accepter' : 'Refuser' }} la proposition pour « {{ data.proposal.projectName }} »</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>
          {{ data.proposal.proposedByName ?? 'La cheffe ou le chef de projet' }} propose de passer de {{ stages[data.proposal.fromStage] }} à
          {{ stages[data.proposal.toStage] }}.
        </p>
        <p class="quote"><span class="label">Justification :</span> {{ data.proposal.rationale }}</p>
        @if (data.proposal.unmetReason) {
          <p class="quote"><span class="label">Pourquoi malgré tout :</span> {{ data.proposal.unmetReason }}</p>
        }
        @if (error(); as message) {
          <p #alert class="alert" role="alert" tabindex="-1">{{ message }}</p>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ accepting ? 'Note (facultative)' : 'Motif du refus' }}</mat-label>
          <textarea matInput formControlName="note" rows="3" [required]="!accepting" [maxlength]="noteMax" cdkFocusInitial></textarea>
          <mat-hint>{{ accepting ? 'Le passage sera enregistré dans l’historique du projet.' : 'La personne qui a proposé lira ce motif.' }}</mat-hint>
          @if (note.hasError('server')) {
            <mat-error>{{ note.getError('server') }}</mat-error>
          } @else if (note.hasError('required')) {
            <mat-error>Expliquez le refus.</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submitting()">
          {{ submitting() ? 'Enregistrement…' : accepting ? 'Accepter le passage' : 'Refuser la proposition' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      display: block;
      width: 100%;
      margin-top: 8px;
    }
    .quote {
      white-space: pre-line;
    }
    .label {
      color: var(--mat-sys-on-surface-variant);
    }
    .alert {
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionDialog {
  private readonly store = inject(ProposalsStore);
  private readonly board = inject(PipelineStore);
  private readonly dialogRef = inject<MatDialogRef<DecisionDialog, ProposalDecisionResult>>(MatDialogRef);
  protected readonly data = inject<DecisionDialogData>(MAT_DIALOG_DATA);
  private readonly alert = viewChild<ElementRef<HTMLElement>>('alert');

  protected readonly accepting = this.data.decision === 'accepted';
  protected readonly stages = STAGE_LABELS_FR;
  protected readonly noteMax = DECISION_NOTE_MAX;
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly note = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(DECISION_NOTE_MAX)] });
  protected readonly form = new FormGroup({ note: this.note });

  protected async submit(): Promise<void> {
    this.note.markAsTouched();
    const note = this.note.value.trim();
    if (!this.accepting && !note) {
      this.note.setErrors({ required: true });
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const outcome = await this.store.decide(this.data.proposal, this.data.decision, note);
    this.submitting.set(false);
    if (outcome.ok) {
      this.dialogRef.close(outcome.value);
      return;
    }
    // The project moved meanwhile: its card goes where it is now.
    const current = outcome.current as Project | undefined;
    if (outcome.status === 409 && current && 'code' in current && 'stage' in current) this.board.place(current);
    if (outcome.fieldErrors['note']) this.note.setErrors({ server: outcome.fieldErrors['note'] });
    this.error.set(outcome.message);
    setTimeout(() => this.alert()?.nativeElement.focus());
  }
}
