import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  MILESTONE_KIND_LABELS_FR,
  MILESTONE_KINDS,
  MILESTONE_KINDS_WITH_PARTICIPANTS,
  Milestone,
  MilestoneKind,
  STAGE_LABELS_FR,
  STAGES,
  Stage,
} from '@sillon/contracts';
import { HTTPS_URL, MilestoneChanges, MilestoneDialogData } from '../milestone-dialog-data';
import { MilestoneSave, describeMilestone } from '../milestone-save';

const httpsUrl = (control: AbstractControl<string>) => (!control.value || HTTPS_URL.test(control.value.trim()) ? null : { https: true });

// Edits a milestone: what it is, when it is due (rescheduling), who owns it and where its evidence is.
@Component({
  selector: 'sil-milestone-edit-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
  ],
  templateUrl: './milestone-edit-dialog.html',
  styleUrl: '../milestone-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneEditDialog {
  protected readonly data = inject<MilestoneDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<MilestoneEditDialog, Milestone>>(MatDialogRef);
  private readonly message = viewChild<ElementRef<HTMLElement>>('message');
  protected readonly save = new MilestoneSave(this.data, inject(Injector), this.message);
  protected readonly describe = describeMilestone;

  protected readonly kinds = MILESTONE_KINDS.map((value) => ({ value, label: MILESTONE_KIND_LABELS_FR[value] }));
  protected readonly stages = STAGES.map((value) => ({ value, label: STAGE_LABELS_FR[value] }));
  protected readonly owners = this.data.owners ?? [];

  private readonly m = this.data.milestone;
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [this.m.title, [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    kind: [this.m.kind as MilestoneKind, Validators.required],
    stage: [this.m.stage as Stage, Validators.required],
    dueOn: [this.m.dueOn, Validators.required],
    ownerId: [this.m.ownerId ?? ''],
    evidenceUrl: [this.m.evidenceUrl ?? '', [Validators.maxLength(2000), httpsUrl]],
    participantCount: [this.m.participantCount as number | null, [Validators.min(0), Validators.max(1_000_000)]],
  });
  private readonly kind = signal<MilestoneKind>(this.m.kind);
  protected readonly withParticipants = computed(() => MILESTONE_KINDS_WITH_PARTICIPANTS.includes(this.kind()));

  constructor() {
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => this.kind.set(kind));
  }

  protected async submit(): Promise<void> {
    const saved = await this.save.submit(this.form, this.changes());
    if (saved) this.dialogRef.close(saved);
  }

  protected serverError(name: string): string | null {
    return (this.form.get(name)?.getError('server') as string | undefined) ?? null;
  }

  // Only what the person changed: another person's change to a field left alone survives.
  private changes(): MilestoneChanges {
    const v = this.form.getRawValue();
    const changes: MilestoneChanges = {};
    if (v.title.trim() !== this.m.title) changes.title = v.title.trim();
    if (v.kind !== this.m.kind) changes.kind = v.kind;
    if (v.stage !== this.m.stage) changes.stage = v.stage;
    if (v.dueOn !== this.m.dueOn) changes.dueOn = v.dueOn;
    if ((v.ownerId || null) !== this.m.ownerId) changes.ownerId = v.ownerId || null;
    if ((v.evidenceUrl.trim() || null) !== this.m.evidenceUrl) changes.evidenceUrl = v.evidenceUrl.trim() || null;
    const participants = this.withParticipants() && v.participantCount !== null && `${v.participantCount}` !== '' ? Number(v.participantCount) : null;
    if (participants !== this.m.participantCount) changes.participantCount = participants;
    return changes;
  }
}
