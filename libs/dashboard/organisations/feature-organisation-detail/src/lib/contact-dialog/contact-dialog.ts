import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Contact } from '@sillon/contracts';
import { OrganisationDetailStore } from '@sillon/dashboard/organisations/data-access';
import { placeFieldErrors } from '@sillon/dashboard/shared/util';

export interface ContactDialogData {
  // Absent: a new contact.
  contact?: Contact;
}

const PHONE = /^\+?[0-9 .()-]{6,32}$/;

// A person at the organisation: only what the lab needs to reach them.
@Component({
  selector: 'sil-contact-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton],
  templateUrl: './contact-dialog.html',
  styles: `
    form,
    mat-dialog-content {
      display: flex;
      flex-direction: column;
    }
    mat-dialog-content {
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
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactDialog {
  private readonly store = inject(OrganisationDetailStore);
  private readonly dialogRef = inject<MatDialogRef<ContactDialog, Contact>>(MatDialogRef);
  protected readonly data = inject<ContactDialogData>(MAT_DIALOG_DATA);

  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  private version = this.data.contact?.version ?? 0;

  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: [this.data.contact?.fullName ?? '', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    email: [this.data.contact?.email ?? '', [Validators.required, Validators.email, Validators.maxLength(254)]],
    phone: [this.data.contact?.phone ?? '', [Validators.pattern(PHONE)]],
    roleTitle: [this.data.contact?.roleTitle ?? '', Validators.maxLength(200)],
  });

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const fields = { fullName: value.fullName.trim(), email: value.email.trim(), phone: value.phone.trim(), roleTitle: value.roleTitle.trim() };
    this.pending.set(true);
    this.error.set(null);
    const existing = this.data.contact;
    const result = existing
      ? await this.store.update(existing.id, { version: this.version, ...fields, phone: fields.phone || null, roleTitle: fields.roleTitle || null })
      : await this.store.create({
          fullName: fields.fullName,
          email: fields.email,
          ...(fields.phone ? { phone: fields.phone } : {}),
          ...(fields.roleTitle ? { roleTitle: fields.roleTitle } : {}),
        });
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(result.value);
      return;
    }
    if (result.conflict) {
      const c = result.conflict;
      this.version = c.version;
      this.error.set(
        `Ce contact a été modifié par quelqu'un d'autre. Enregistré maintenant : ${c.fullName}, ${c.email}, ${c.phone ?? 'sans téléphone'}, ${c.roleTitle ?? 'sans fonction'}. Vos saisies sont conservées : enregistrez pour les appliquer.`,
      );
      return;
    }
    const unplaced = placeFieldErrors(this.form, result.fieldErrors);
    if (unplaced) this.error.set(result.message);
  }
}
