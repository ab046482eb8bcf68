import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  CreateTransitionRequest,
  GateCriterion,
  Project,
  ProjectListItem,
  ProjectProposal,
  RATIONALE_MAX,
  Stage,
  STAGE_LABELS_FR,
  TransitionResult,
  UNMET_REASON_MAX,
} from '@sillon/contracts';
import { isForward, isSkip, PipelineApi, PipelineStore, ProposalsStore } from '@sillon/dashboard/pipeline/data-access';
import { conflictOf, errorMessageOf, fieldErrorsOf, isConflict } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';

export interface GateDialogData {
  project: ProjectListItem;
  to: Stage;
  // Lab managers may pass a gate with unmet criteria or skip stages, with a reason; a project lead
  // proposes such a move (and a move back) to them.
  isManager: boolean;
}

// What the dialog closes with: the move recorded, or the proposal sent to the lab manager.
export type GateOutcome = { kind: 'moved'; result: TransitionResult } | { kind: 'proposed'; proposal: ProjectProposal };

// The gate: the checklist to leave the current stage, the rationale of the decision, and the move itself.
// On a 409 the dialog stays open with what was typed, shows the project as it is now and reloads its card.
@Component({
  selector: 'sil-gate-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  templateUrl: './gate-dialog.html',
  styleUrl: './gate-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GateDialog {
  private readonly api = inject(PipelineApi);
  private readonly store = inject(PipelineStore);
  private readonly proposals = inject(ProposalsStore);
  private readonly dialogRef = inject<MatDialogRef<GateDialog, GateOutcome>>(MatDialogRef);
  protected readonly data = inject<GateDialogData>(MAT_DIALOG_DATA);
  private readonly message = viewChild<ElementRef<HTMLElement>>('message');

  protected readonly rationaleMax = RATIONALE_MAX;
  protected readonly unmetReasonMax = UNMET_REASON_MAX;
  protected readonly to = this.data.to;
  protected readonly toLabel = STAGE_LABELS_FR[this.data.to];

  // The project as last known: replaced by the current record after a 409.
  protected readonly project = signal(this.data.project);
  protected readonly criteria = signal<GateCriterion[] | null>(null);
  protected readonly criteriaError = signal<string | null>(null);
  protected readonly met = signal<ReadonlySet<string>>(new Set());
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal<string | null>(null);
  protected readonly submitting = signal(false);

  protected readonly rationale = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(RATIONALE_MAX)] });
  protected readonly unmetReason = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(UNMET_REASON_MAX)] });
  protected readonly form = new FormGroup({ rationale: this.rationale, unmetReason: this.unmetReason });

  protected readonly fromLabel = computed(() => STAGE_LABELS_FR[this.project().stage]);
  protected readonly forward = computed(() => isForward(this.project().stage, this.to));
  protected readonly title = computed(() => {
    const move = `${this.forward() ? 'passer' : 'faire revenir'} « ${this.project().name} » en ${this.toLabel}`;
    return this.proposing() ? `Proposer de ${move}` : `${move.charAt(0).toUpperCase()}${move.slice(1)}`;
  });
  protected readonly unmet = computed(() => (this.criteria() ?? []).filter((c) => !this.met().has(c.id)));
  // Forward with unchecked criteria or over a stage: an exception only a lab manager may decide, with a reason.
  protected readonly exceptional = computed(
    () => this.forward() && (isSkip(this.project().stage, this.to) || (this.criteria() !== null && this.unmet().length > 0)),
  );
  protected readonly alreadyThere = computed(() => this.project().stage === this.to);
  // A project lead's move back, over a stage or with unchecked criteria: proposed to the lab manager.
  protected readonly proposing = computed(() => !this.data.isManager && (!this.forward() || this.exceptional()));

  constructor() {
    void this.loadCriteria();
  }

  protected toggle(id: string, checked: boolean): void {
    this.met.update((met) => {
      const next = new Set(met);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected async submit(): Promise<void> {
    this.error.set(null);
    this.rationale.markAsTouched();
    this.unmetReason.markAsTouched();
    const rationale = this.rationale.value.trim();
    if (!rationale) {
      this.rationale.setErrors({ required: true });
    }
    if (this.exceptional() && !this.unmetReason.value.trim()) {
      this.unmetReason.setErrors({ required: true });
    }
    // The reason only counts while its field is shown (its required validator outlives the field).
    if (this.rationale.invalid || (this.exceptional() && this.unmetReason.invalid) || this.alreadyThere() || this.criteria() === null) return;

    const project = this.project();
    const request: CreateTransitionRequest = { to: this.to, rationale, version: project.version };
    if (this.forward()) request.criteriaMet = [...this.met()].filter((id) => this.criteria()?.some((c) => c.id === id));
    if (this.exceptional()) request.unmetReason = this.unmetReason.value.trim();

    this.submitting.set(true);
    try {
      if (this.proposing()) {
        const proposal = await this.proposals.propose(project.id, { ...request, to: this.to });
        this.dialogRef.close({ kind: 'proposed', proposal });
      } else {
        const result = await firstValueFrom(this.api.transition(project.id, request));
        this.dialogRef.close({ kind: 'moved', result });
      }
    } catch (error) {
      await this.handleError(error);
    } finally {
      this.submitting.set(false);
    }
  }

  private async handleError(error: unknown): Promise<void> {
    const pending = conflictOf<Project | ProjectProposal>(error);
    if (pending && !('stage' in pending)) {
      // Another proposal of this project waits for a decision: said as the API words it.
      this.showMessage(this.error, errorMessageOf(error));
      return;
    }
    if (isConflict(error)) {
      const before = this.project();
      const current = (pending as Project | null) ?? (await this.store.reload(before.id));
      if (current) {
        this.store.place(current);
        this.project.set(current);
      }
      const now = current ? STAGE_LABELS_FR[current.stage] : null;
      const where =
        current && current.status !== 'active'
          ? "il n'est plus actif"
          : current?.stage === this.to
            ? `il est déjà en ${now}`
            : now
              ? `il est maintenant en ${now}`
              : 'il a changé';
      this.showMessage(
        this.conflict,
        `Quelqu'un d'autre a modifié ce projet entre-temps : ${where}. Votre justification est conservée ; vérifiez la situation avant de valider à nouveau.`,
      );
      if (current && current.stage !== before.stage) await this.loadCriteria();
      return;
    }
    const fields = fieldErrorsOf(error);
    if (fields['rationale']) this.rationale.setErrors({ server: fields['rationale'] });
    if (fields['unmetReason']) this.unmetReason.setErrors({ server: fields['unmetReason'] });
    this.showMessage(this.error, fields['criteriaMet'] ?? fields['to'] ?? errorMessageOf(error));
  }

  private async loadCriteria(): Promise<void> {
    this.criteria.set(null);
    this.criteriaError.set(null);
    const project = this.project();
    if (!isForward(project.stage, this.to)) {
      this.criteria.set([]);
      return;
    }
    try {
      const criteria = await firstValueFrom(this.api.gateCriteria(project.labId, project.stage));
      this.met.update((met) => new Set(criteria.filter((c) => met.has(c.id)).map((c) => c.id)));
      this.criteria.set(criteria);
    } catch (error) {
      this.criteriaError.set(`Les critères de passage n'ont pas pu être chargés. ${errorMessageOf(error)}`);
    }
  }

  private showMessage(target: typeof this.error, text: string): void {
    target.set(text);
    // Once rendered, the message takes the focus so that it is read first.
    setTimeout(() => this.message()?.nativeElement.focus());
  }
}
