import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Lab } from '@sillon/contracts';
import { DirectoryStore } from '@sillon/dashboard/admin/data-access';
import { DepartmentNamePipe } from '@sillon/dashboard/shared/ui';
import { WriteResult, departmentsHint, departmentsValidator, placeFieldErrors } from '@sillon/dashboard/shared/util';
import { departmentCodesIn } from '@sillon/util';

export interface LabDialogData {
  // Absent: a new lab.
  lab: Lab | null;
}

@Component({
  selector: 'sil-lab-dialog',
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
    DepartmentNamePipe,
  ],
  templateUrl: './lab-dialog.html',
  styleUrl: '../dialog-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LabDialog {
  protected readonly store = inject(DirectoryStore);
  private readonly dialogRef = inject<MatDialogRef<LabDialog, Lab>>(MatDialogRef);
  private readonly data = inject<LabDialogData>(MAT_DIALOG_DATA);

  protected readonly editing = this.data.lab !== null;
  // The version the next save is based on: after a conflict, the lab as it is now.
  private readonly base = signal<Lab | null>(this.data.lab);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal<Lab | null>(null);
  protected readonly departmentsHint = departmentsHint;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.lab?.name ?? '', [Validators.required, Validators.maxLength(120), Validators.pattern(/\S/)]],
    code: [this.data.lab?.code ?? '', [Validators.required, Validators.pattern(/^[A-Za-z]{3}$/)]],
    regionId: [this.data.lab?.regionId ?? '', Validators.required],
    departments: [this.data.lab?.departments.join(', ') ?? '', departmentsValidator],
  });

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const fields = {
      name: value.name.trim(),
      code: value.code.trim().toUpperCase(),
      regionId: value.regionId,
      departments: departmentCodesIn(value.departments),
    };
    this.pending.set(true);
    this.error.set(null);
    const base = this.base();
    const result: WriteResult<Lab> = base ? await this.store.updateLab(base, fields) : await this.store.createLab(fields);
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(result.value);
      return;
    }
    if (result.conflict) {
      this.base.set(result.conflict);
      this.conflict.set(result.conflict);
    }
    const unplaced = placeFieldErrors(this.form, result.fieldErrors);
    this.error.set(unplaced || result.conflict ? result.message : null);
  }
}
