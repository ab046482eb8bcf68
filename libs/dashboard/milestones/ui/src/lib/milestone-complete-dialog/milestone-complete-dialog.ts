import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, viewChild } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MILESTONE_KINDS_WITH_PARTICIPANTS, Milestone } from '@sillon/contracts';
import { formatDateFr, todayInParis } from '@sillon/util';
import { HTTPS_URL, MilestoneChanges, MilestoneDialogData } from '../milestone-dialog-data';
import { MilestoneSave, describeMilestone } from '../milestone-save';

const httpsUrl = (control: AbstractControl<string>) => (!control.value || HTTPS_URL.test(control.value.trim()) ? null : { https: true });

// Marks a milestone done: when it was done (today unless said otherwise, never later), how many
// came, and where the evidence is.
@Component({
  selector: 'sil-milestone-complete-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton],
  templateUrl: './milestone-complete-dialog.html',
  styleUrl: '../milestone-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneCompleteDialog {
  protected readonly data = inject<MilestoneDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<MilestoneCompleteDialog, Milestone>>(MatDialogRef);
  private readonly message = viewChild<ElementRef<HTMLElement>>('message');
  protected readonly save = new MilestoneSave(this.data, inject(Injector), this.message);
  protected readonly describe = describeMilestone;

  protected readonly today = todayInParis();
  protected readonly todayFr = formatDateFr(this.today);
  private readonly m = this.data.milestone;
  protected readonly withParticipants = MILESTONE_KINDS_WITH_PARTICIPANTS.includes(this.m.kind);

  private readonly notInFuture = (control: AbstractControl<string>) => (control.value && control.value > this.today ? { future: true } : null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    completedOn: [this.today, [Validators.required, this.notInFuture]],
    participantCount: [this.m.participantCount as number | null, [Validators.min(0), Validators.max(1_000_000)]],
    evidenceUrl: [this.m.evidenceUrl ?? '', [Validators.maxLength(2000), httpsUrl]],
  });

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const changes: MilestoneChanges = { status: 'done', completedOn: v.completedOn };
    if ((v.evidenceUrl.trim() || null) !== this.m.evidenceUrl) changes.evidenceUrl = v.evidenceUrl.trim() || null;
    if (this.withParticipants) {
      const participants = v.participantCount !== null && `${v.participantCount}` !== '' ? Number(v.participantCount) : null;
      if (participants !== this.m.participantCount) changes.participantCount = participants;
    }
    const saved = await this.save.submit(this.form, changes);
    if (saved) this.dialogRef.close(saved);
  }

  protected serverError(name: string): string | null {
    return (this.form.get(name)?.getError('server') as string | undefined) ?? null;
  }
}
