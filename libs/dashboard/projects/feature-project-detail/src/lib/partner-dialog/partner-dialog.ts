import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Contact, Organisation, PARTNER_ROLE_LABELS_FR, PARTNER_ROLES, PartnerRole } from '@sillon/contracts';
import { ProjectDetailStore, ProjectsApi } from '@sillon/dashboard/projects/data-access';
import { placeFieldErrors } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';
import { OrganisationPicker } from './organisation-picker';

// Adds an organisation of the lab to the project's partners, with its role and, if known, the person to talk to.
@Component({
  selector: 'sil-partner-dialog',
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
    OrganisationPicker,
  ],
  templateUrl: './partner-dialog.html',
  styleUrl: '../dialog-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerDialog {
  private readonly store = inject(ProjectDetailStore);
  private readonly api = inject(ProjectsApi);
  private readonly dialogRef = inject<MatDialogRef<PartnerDialog, boolean>>(MatDialogRef);

  protected readonly roles = PARTNER_ROLES.map((value) => ({ value, label: PARTNER_ROLE_LABELS_FR[value] }));
  protected readonly organisation = signal<Organisation | null>(null);
  protected readonly contacts = signal<Contact[]>([]);
  protected readonly submitted = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly organisationError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    role: ['partner' as PartnerRole, Validators.required],
    since: [''],
    contactId: [''],
  });

  protected async pick(organisation: Organisation | null): Promise<void> {
    this.organisation.set(organisation);
    this.organisationError.set(null);
    this.form.controls.contactId.setValue('');
    this.contacts.set([]);
    if (!organisation) return;
    try {
      this.contacts.set((await firstValueFrom(this.api.contacts(organisation.id))).items);
    } catch {
      // The partnership can be recorded without a contact.
    }
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.submitted.set(true);
    const organisation = this.organisation();
    if (this.form.invalid || !organisation) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.pending.set(true);
    this.error.set(null);
    const result = await this.store.addPartner({
      organisationId: organisation.id,
      role: value.role,
      ...(value.since ? { since: value.since } : {}),
      ...(value.contactId ? { contactId: value.contactId } : {}),
    });
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(true);
      return;
    }
    // The organisation has its own picker.
    const { organisationId, ...others } = result.fieldErrors;
    if (organisationId) this.organisationError.set(organisationId);
    const unplaced = Object.keys(others).length ? placeFieldErrors(this.form, others) : !organisationId;
    if (unplaced) this.error.set(result.message);
  }
}
