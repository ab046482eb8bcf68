import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, viewChild } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { Milestone } from '@sillon/contracts';
import { formatDateFr } from '@sillon/util';
import { MilestoneDialogData } from '../milestone-dialog-data';
import { MilestoneSave, describeMilestone } from '../milestone-save';

// Cancels a milestone: it stays in the record, marked cancelled, out of the late ones.
@Component({
  selector: 'sil-milestone-cancel-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton],
  template: `
    <h2 mat-dialog-title>Annuler le jalon ?</h2>
    <mat-dialog-content>
      <p class="lead">
        « {{ data.milestone.title }} », prévu le {{ dueOn }}, sera marqué comme annulé. Il reste dans l'historique du projet et ne
        compte plus parmi les jalons en retard.
      </p>
      @if (save.conflict() || save.error()) {
        <div #message class="message" role="alert" tabindex="-1">
          @if (save.conflict(); as current) {
            <p><strong>Ce jalon a été modifié par quelqu'un d'autre entre-temps.</strong> Il est maintenant : {{ describe(current) }}</p>
            <p>Confirmez pour l'annuler malgré tout.</p>
          }
          @if (save.error(); as text) {
            <p>{{ text }}</p>
          }
        </div>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>Garder le jalon</button>
      <button mat-flat-button type="button" (click)="confirm()" [attr.aria-disabled]="save.pending()">
        {{ save.pending() ? 'Enregistrement…' : 'Annuler le jalon' }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: '../milestone-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneCancelDialog {
  protected readonly data = inject<MilestoneDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<MilestoneCancelDialog, Milestone>>(MatDialogRef);
  private readonly message = viewChild<ElementRef<HTMLElement>>('message');
  protected readonly save = new MilestoneSave(this.data, inject(Injector), this.message);
  protected readonly describe = describeMilestone;
  protected readonly dueOn = formatDateFr(this.data.milestone.dueOn);

  protected async confirm(): Promise<void> {
    const saved = await this.save.submit(new FormGroup({}), { status: 'cancelled' });
    if (saved) this.dialogRef.close(saved);
  }
}
