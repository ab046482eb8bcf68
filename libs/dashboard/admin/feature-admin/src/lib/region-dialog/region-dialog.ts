import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Region } from '@sillon/contracts';
import { DirectoryStore } from '@sillon/dashboard/admin/data-access';
import { placeFieldErrors } from '@sillon/dashboard/shared/util';

export interface RegionDialogData {
  // Absent: a new region.
  region: Region | null;
}

@Component({
  selector: 'sil-region-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatFormField, MatLabel, MatError, MatInput, MatButton],
  template: `
    <h2 mat-dialog-title>{{ region ? 'Renommer la région' : 'Nouvelle région' }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <div class="error" role="alert"><p>{{ message }}</p></div>
        }
        <mat-form-field appearance="outline">
          <mat-label>Nom de la région</mat-label>
          <input matInput formControlName="name" autocomplete="off" required maxlength="120" />
          @if (form.controls.name.hasError('server')) {
            <mat-error>{{ form.controls.name.getError('server') }}</mat-error>
          } @else if (form.controls.name.invalid) {
            <mat-error>Donnez un nom à la région.</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [attr.aria-disabled]="pending()">
          {{ pending() ? 'Enregistrement…' : region ? 'Renommer' : 'Créer la région' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../dialog-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegionDialog {
  private readonly store = inject(DirectoryStore);
  private readonly dialogRef = inject<MatDialogRef<RegionDialog, Region>>(MatDialogRef);
  protected readonly region = inject<RegionDialogData>(MAT_DIALOG_DATA).region;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.region?.name ?? '', [Validators.required, Validators.maxLength(120), Validators.pattern(/\S/)]],
  });

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const name = this.form.getRawValue().name.trim();
    this.pending.set(true);
    this.error.set(null);
    const result = this.region ? await this.store.renameRegion(this.region, name) : await this.store.createRegion(name);
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(result.value);
      return;
    }
    this.error.set(placeFieldErrors(this.form, result.fieldErrors) ? result.message : null);
  }
}
