import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { DEPARTMENT_CODE_PATTERN, ORGANISATION_TYPE_LABELS_FR, ORGANISATION_TYPES, Organisation, OrganisationType } from '@sillon/contracts';
import { OrganisationStore } from '@sillon/dashboard/organisations/data-access';
import { departmentsHint, placeFieldErrors } from '@sillon/dashboard/shared/util';
import { departmentName } from '@sillon/util';
import { AsYouTypeErrorMatcher, siretDigits, siretValidator } from './siret-field';

export interface OrganisationDialogData {
  // Absent: a new organisation.
  organisation?: Organisation;
}

@Component({
  selector: 'sil-organisation-dialog',
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
  templateUrl: './organisation-dialog.html',
  styles: `
    form {
      display: flex;
      flex-direction: column;
    }
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .alert {
      margin: 0 0 12px;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  providers: [{ provide: ErrorStateMatcher, useClass: AsYouTypeErrorMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationDialog {
  private readonly store = inject(OrganisationStore);
  private readonly dialogRef = inject<MatDialogRef<OrganisationDialog, Organisation>>(MatDialogRef);
  protected readonly data = inject<OrganisationDialogData>(MAT_DIALOG_DATA);

  protected readonly types = ORGANISATION_TYPES.map((value) => ({ value, label: ORGANISATION_TYPE_LABELS_FR[value] }));
  protected readonly departmentsHint = departmentsHint;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  private version = this.data.organisation?.version ?? 0;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.organisation?.name ?? '', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    type: [this.data.organisation?.type ?? ('association' as OrganisationType), Validators.required],
    siret: [this.data.organisation?.siret ?? '', siretValidator],
    department: [this.data.organisation?.department ?? '', Validators.pattern(DEPARTMENT_CODE_PATTERN)],
  });

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const siret = siretDigits(value.siret);
    const department = value.department.trim().toUpperCase();
    this.pending.set(true);
    this.error.set(null);
    const existing = this.data.organisation;
    const result = existing
      ? await this.store.update(existing.id, {
          version: this.version,
          name: value.name.trim(),
          type: value.type,
          siret: siret || null,
          department: department || null,
        })
      : await this.store.create({ name: value.name.trim(), type: value.type, siret: siret || undefined, department: department || undefined });
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(result.value);
      return;
    }
    if (result.conflict) {
      // Keep the person's input; saving again overwrites the version now stored.
      this.version = result.conflict.version;
      const c = result.conflict;
      this.error.set(
        `Cette organisation a été modifiée par quelqu'un d'autre. Valeurs enregistrées : ${c.name}, ${ORGANISATION_TYPE_LABELS_FR[c.type]}, SIRET ${c.siret ?? '—'}, département ${c.department ? departmentName(c.department) : '—'}. Vos saisies sont conservées : enregistrez pour les appliquer.`,
      );
      return;
    }
    if (placeFieldErrors(this.form, result.fieldErrors)) this.error.set(result.message);
  }
}
