import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, viewChild } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { Milestone } from '@sillon/contracts';
import { formatDateFr } from '@sillon/util';
import { MilestoneDialogData } from '../milestone-dialog-data';
import { MilestoneSave, describeMilestone } from '../milestone-save';

// The two changes of status that need only a confirmation: cancelling a planned milestone, and
// reopening a done or cancelled one (back to planned; a done one loses its completion date).
export type MilestoneStatusChange = 'cancel' | 'reopen';

export interface MilestoneStatusDialogData extends MilestoneDialogData {
  change: MilestoneStatusChange;
}

const WORDING: Record<MilestoneStatusChange, { title: string; confirm: string; keep: string; done: string }> = {
  cancel: { title: 'Annuler le jalon ?', confirm: 'Annuler le jalon', keep: 'Garder le jalon', done: 'annulé' },
  reopen: { title: 'Rouvrir le jalon ?', confirm: 'Rouvrir le jalon', keep: 'Ne pas le rouvrir', done: 'rouvert' },
};

// What the person has just done, for the page's announcement: « Jalon « X » annulé. »
export function milestoneStatusChanged(change: MilestoneStatusChange, saved: Milestone): string {
  return `Jalon « ${saved.title} » ${WORDING[change].done}.`;
}

@Component({
  selector: 'sil-milestone-status-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton],
  template: `
    <h2 mat-dialog-title>{{ wording.title }}</h2>
    <mat-dialog-content>
      <p class="lead">
        @if (data.change === 'cancel') {
          « {{ data.milestone.title }} », prévu le {{ dueOn }}, sera marqué comme annulé. Il reste dans l'historique du projet et ne
          compte plus parmi les jalons en retard.
        } @else {
          « {{ data.milestone.title }} », prévu le {{ dueOn }}, redeviendra un jalon prévu{{ data.milestone.status === 'done' ? ' : sa date de réalisation sera effacée' : '' }}. S'il
          est échu, il comptera de nouveau parmi les jalons en retard.
        }
      </p>
      @if (save.conflict() || save.error()) {
        <div #message class="message" role="alert" tabindex="-1">
          @if (save.conflict(); as current) {
            <p><strong>Ce jalon a été modifié par quelqu'un d'autre entre-temps.</strong> Il est maintenant : {{ describe(current) }}</p>
            <p>Confirmez pour {{ data.change === 'cancel' ? "l'annuler" : 'le rouvrir' }} malgré tout.</p>
          }
          @if (save.error(); as text) {
            <p>{{ text }}</p>
          }
        </div>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ wording.keep }}</button>
      <button mat-flat-button type="button" (click)="confirm()" [attr.aria-disabled]="save.pending()">
        {{ save.pending() ? 'Enregistrement…' : wording.confirm }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: '../milestone-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneStatusDialog {
  protected readonly data = inject<MilestoneStatusDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<MilestoneStatusDialog, Milestone>>(MatDialogRef);
  private readonly message = viewChild<ElementRef<HTMLElement>>('message');
  protected readonly save = new MilestoneSave(this.data, inject(Injector), this.message);
  protected readonly describe = describeMilestone;
  protected readonly wording = WORDING[this.data.change];
  protected readonly dueOn = formatDateFr(this.data.milestone.dueOn);

  protected async confirm(): Promise<void> {
    const saved = await this.save.submit(new FormGroup({}), { status: this.data.change === 'cancel' ? 'cancelled' : 'planned' });
    if (saved) this.dialogRef.close(saved);
  }
}
