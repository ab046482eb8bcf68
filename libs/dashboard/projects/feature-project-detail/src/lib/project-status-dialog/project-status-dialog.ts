import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { PROJECT_STATUS_LABELS_FR, Project, ProjectStatus, RATIONALE_MAX } from '@sillon/contracts';
import { ProjectDetailStore } from '@sillon/dashboard/projects/data-access';
import { STATUS_WORDING } from './status-wording';

export interface ProjectStatusDialogData {
  project: Project;
  to: ProjectStatus;
}

// A status change is a recorded decision: pause, resume, stop (with the lesson learned) or scaled
// (with where it went). On a 409 the dialog keeps the text and says how the project stands now.
@Component({
  selector: 'sil-project-status-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton],
  templateUrl: './project-status-dialog.html',
  styleUrl: '../project-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectStatusDialog {
  private readonly store = inject(ProjectDetailStore);
  private readonly injector = inject(Injector);
  private readonly dialogRef = inject<MatDialogRef<ProjectStatusDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<ProjectStatusDialogData>(MAT_DIALOG_DATA);
  private readonly message = viewChild<ElementRef<HTMLElement>>('message');

  protected readonly wording = STATUS_WORDING[this.data.to];
  protected readonly currentLabel = PROJECT_STATUS_LABELS_FR[this.data.project.status];
  protected readonly max = RATIONALE_MAX;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  private version = this.data.project.version;

  protected readonly rationale = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(RATIONALE_MAX), Validators.pattern(/\S/)] });
  protected readonly form = new FormGroup({ rationale: this.rationale });

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.rationale.invalid) {
      this.rationale.markAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const result = await this.store.changeStatus(this.data.to, this.rationale.value.trim(), this.version);
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(true);
      return;
    }
    if (result.conflict) {
      this.version = result.conflict.version;
      const now = PROJECT_STATUS_LABELS_FR[result.conflict.status];
      this.error.set(
        result.conflict.archivedAt
          ? "Ce projet a été archivé entre-temps : son statut ne peut plus changer."
          : `Ce projet a été modifié par quelqu'un d'autre entre-temps ; son statut est maintenant « ${now} ». Votre texte est conservé : validez à nouveau si la décision tient toujours.`,
      );
    } else if (result.fieldErrors['rationale']) {
      this.rationale.setErrors({ server: result.fieldErrors['rationale'] });
    } else {
      this.error.set(result.fieldErrors['status'] ?? result.message);
    }
    afterNextRender(() => this.message()?.nativeElement.focus(), { injector: this.injector });
  }
}
