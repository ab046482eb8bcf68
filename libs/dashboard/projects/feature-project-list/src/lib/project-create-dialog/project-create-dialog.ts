import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CreateProjectRequest,
  PROJECT_NAME_MAX,
  PROJECT_SUMMARY_MAX,
  Project,
  Role,
  THEME_LABELS_FR,
  THEMES,
  Theme,
  User,
} from '@sillon/contracts';
import { ProjectListStore } from '@sillon/dashboard/projects/data-access';
import { departmentsHint, departmentsValidator, placeFieldErrors } from '@sillon/dashboard/shared/util';
import { departmentCodesIn } from '@sillon/util';

export interface ProjectCreateDialogData {
  leads: User[];
  role: Role | null;
}

@Component({
  selector: 'sil-project-create-dialog',
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
  templateUrl: './project-create-dialog.html',
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding-top: 4px;
    }
    .error {
      margin: 0 0 12px;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectCreateDialog {
  private readonly store = inject(ProjectListStore);
  private readonly dialogRef = inject<MatDialogRef<ProjectCreateDialog, Project>>(MatDialogRef);
  protected readonly data = inject<ProjectCreateDialogData>(MAT_DIALOG_DATA);

  protected readonly nameMax = PROJECT_NAME_MAX;
  protected readonly summaryMax = PROJECT_SUMMARY_MAX;
  protected readonly departmentsHint = departmentsHint;
  protected readonly themes = THEMES.map((value) => ({ value, label: THEME_LABELS_FR[value] }));
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(PROJECT_NAME_MAX), Validators.pattern(/\S/)]],
    summary: ['', Validators.maxLength(PROJECT_SUMMARY_MAX)],
    themes: [[] as Theme[]],
    departments: ['', departmentsValidator],
    startDate: [''],
    leadId: [''],
  });

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateProjectRequest = {
      name: value.name.trim(),
      summary: value.summary || undefined,
      themes: value.themes.length ? value.themes : undefined,
      departments: departmentCodesIn(value.departments),
      startDate: value.startDate || null,
      leadId: this.data.role === 'lab_manager' && value.leadId ? value.leadId : undefined,
    };
    this.pending.set(true);
    this.error.set(null);
    const result = await this.store.create(request);
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(result.value);
      return;
    }
    // The server's word goes next to its field; what was typed stays.
    if (placeFieldErrors(this.form, result.fieldErrors)) this.error.set(result.message);
  }
}
