import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLE_LABELS_FR, ROLES, Role, User } from '@sillon/contracts';
import { DirectoryStore, UserAdminStore } from '@sillon/dashboard/admin/data-access';
import { WriteResult, placeFieldErrors } from '@sillon/dashboard/shared/util';

export interface UserDialogData {
  // Absent: a new account.
  user: User | null;
}

const LAB_ROLES: readonly Role[] = ['project_lead', 'lab_manager'];

// Creates an account, or edits one's name, role and attachment.
@Component({
  selector: 'sil-user-dialog',
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
  templateUrl: './user-dialog.html',
  styleUrl: '../dialog-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  private readonly store = inject(UserAdminStore);
  protected readonly directory = inject(DirectoryStore);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, User>>(MatDialogRef);
  private readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);

  protected readonly roles = ROLES.map((value) => ({ value, label: ROLE_LABELS_FR[value] }));
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly passwordMax = PASSWORD_MAX_LENGTH;
  // The version the next save is based on: after a conflict, the account as it is now.
  protected readonly base = signal<User | null>(this.data.user);
  protected readonly editing = this.data.user !== null;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal<User | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [this.data.user?.email ?? '', this.editing ? [] : [Validators.required, Validators.email, Validators.maxLength(254)]],
    displayName: [this.data.user?.displayName ?? '', [Validators.required, Validators.maxLength(120), Validators.pattern(/\S/)]],
    role: [this.data.user?.role ?? ('project_lead' as Role), Validators.required],
    labId: [this.data.user?.labId ?? ''],
    regionId: [this.data.user?.role === 'regional_director' ? (this.data.user.regionId ?? '') : ''],
    password: ['', this.editing ? [] : [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });

  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: this.form.controls.role.value });
  protected readonly needsLab = computed(() => LAB_ROLES.includes(this.role()));
  protected readonly needsRegion = computed(() => this.role() === 'regional_director');
  protected readonly roleLabels = ROLE_LABELS_FR;

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.needsLab() && !this.form.controls.labId.value) this.form.controls.labId.setErrors({ required: true });
    if (this.needsRegion() && !this.form.controls.regionId.value) this.form.controls.regionId.setErrors({ required: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const attachment = {
      labId: this.needsLab() ? value.labId : null,
      regionId: this.needsRegion() ? value.regionId : null,
    };
    this.pending.set(true);
    this.error.set(null);
    const base = this.base();
    const result: WriteResult<User> = base
      ? await this.store.update(base, { displayName: value.displayName.trim(), role: value.role, ...attachment })
      : await this.store.create({ email: value.email.trim(), displayName: value.displayName.trim(), role: value.role, password: value.password, ...attachment });
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(result.value);
      return;
    }
    if (result.conflict) {
      // Keep what was typed; the next save knowingly replaces the current values shown.
      this.base.set(result.conflict);
      this.conflict.set(result.conflict);
    }
    const unplaced = placeFieldErrors(this.form, result.fieldErrors);
    this.error.set(unplaced || result.conflict ? result.message : null);
  }

  protected attachmentOf(user: User): string {
    if (user.role === 'national') return 'Toutes les régions';
    return user.labName ?? (user.role === 'regional_director' ? (user.regionName ?? '—') : '—');
  }
}
