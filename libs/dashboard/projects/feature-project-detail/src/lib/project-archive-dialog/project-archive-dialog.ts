import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { Project } from '@sillon/contracts';
import { ProjectDetailStore } from '@sillon/dashboard/projects/data-access';

export interface ProjectArchiveDialogData {
  project: Project;
  mode: 'archive' | 'restore';
}

// Archiving takes a project out of the lists and makes it read-only; restoring brings it back as it was.
@Component({
  selector: 'sil-project-archive-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton],
  template: `
    <h2 mat-dialog-title>{{ archive ? 'Archiver le projet ?' : 'Restaurer le projet ?' }}</h2>
    <mat-dialog-content>
      <p class="lead">
        @if (archive) {
          « {{ data.project.name }} » ({{ data.project.code }}) quittera les listes, le pipeline et les rapports, et ne pourra plus être
          modifié. Rien n'est effacé : son historique, ses jalons et son journal restent, et il peut être restauré.
        } @else {
          « {{ data.project.name }} » ({{ data.project.code }}) reviendra dans les listes, le pipeline et les rapports, tel qu'il était
          avant son archivage, et pourra de nouveau être modifié.
        }
      </p>
      @if (error(); as text) {
        <p #message class="message" role="alert" tabindex="-1">{{ text }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>Annuler</button>
      <button mat-flat-button type="button" (click)="confirm()" [attr.aria-disabled]="pending()">
        {{ pending() ? 'Enregistrement…' : archive ? 'Archiver le projet' : 'Restaurer le projet' }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: '../project-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectArchiveDialog {
  private readonly store = inject(ProjectDetailStore);
  private readonly injector = inject(Injector);
  private readonly dialogRef = inject<MatDialogRef<ProjectArchiveDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<ProjectArchiveDialogData>(MAT_DIALOG_DATA);
  private readonly message = viewChild<ElementRef<HTMLElement>>('message');

  protected readonly archive = this.data.mode === 'archive';
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  private version = this.data.project.version;

  protected async confirm(): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    const result = this.archive ? await this.store.archive() : await this.store.restore(this.version);
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(true);
      return;
    }
    if (result.conflict) {
      this.version = result.conflict.version;
      if (!result.conflict.archivedAt) {
        // Someone else restored it first: the page shows it as it is now.
        this.dialogRef.close(true);
        return;
      }
      this.error.set("Ce projet a été modifié par quelqu'un d'autre entre-temps. Confirmez à nouveau pour le restaurer tel qu'il est maintenant.");
    } else {
      this.error.set(result.message);
    }
    afterNextRender(() => this.message()?.nativeElement.focus(), { injector: this.injector });
  }
}
