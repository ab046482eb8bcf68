import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  FUNDING_SCHEME_LABELS_FR,
  FUNDING_SCHEMES,
  FUNDING_STATUS_LABELS_FR,
  FUNDING_STATUSES,
  FundingLine,
  FundingScheme,
  FundingStatus,
  MAX_AMOUNT_CENTS,
  Organisation,
} from '@sillon/contracts';
import { ProjectDetailStore } from '@sillon/dashboard/projects/data-access';
import { WriteResult, placeFieldErrors } from '@sillon/dashboard/shared/util';
import { euroAmountInput, formatDateFr, formatEuroCents, parseEuroAmount } from '@sillon/util';
import { OrganisationPicker } from '../partner-dialog/organisation-picker';

export interface FundingDialogData {
  // Absent: a new line.
  line?: FundingLine;
}

function amountValidator(control: AbstractControl<string>) {
  const cents = parseEuroAmount(control.value ?? '');
  return cents === null || cents > MAX_AMOUNT_CENTS ? { amount: true } : null;
}

// A funding line of the project: who funds, through which scheme, how much and where it stands.
@Component({
  selector: 'sil-funding-dialog',
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
  templateUrl: './funding-dialog.html',
  styleUrl: '../dialog-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FundingDialog {
  private readonly store = inject(ProjectDetailStore);
  private readonly dialogRef = inject<MatDialogRef<FundingDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<FundingDialogData>(MAT_DIALOG_DATA);

  protected readonly schemes = FUNDING_SCHEMES.map((value) => ({ value, label: FUNDING_SCHEME_LABELS_FR[value] }));
  protected readonly statuses = FUNDING_STATUSES.map((value) => ({ value, label: FUNDING_STATUS_LABELS_FR[value] }));
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly funderError = signal<string | null>(null);
  private readonly picker = viewChild.required(OrganisationPicker);
  // undefined: unchanged (editing) or none (new); null: cleared.
  private funder: Organisation | null | undefined = undefined;
  private version = this.data.line?.version ?? 0;

  protected readonly form = inject(NonNullableFormBuilder).group({
    label: [this.data.line?.label ?? '', Validators.maxLength(200)],
    scheme: [this.data.line?.scheme ?? ('subvention' as FundingScheme), Validators.required],
    amount: [this.data.line ? euroAmountInput(this.data.line.amountCents) : '', [Validators.required, amountValidator]],
    status: [this.data.line?.status ?? ('requested' as FundingStatus), Validators.required],
    requestedOn: [this.data.line?.requestedOn ?? ''],
    decidedOn: [this.data.line?.decidedOn ?? ''],
    receivedOn: [this.data.line?.receivedOn ?? ''],
  });

  protected pickFunder(organisation: Organisation | null): void {
    this.funder = organisation;
    this.funderError.set(null);
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const unchosen = this.picker().unchosenText();
    this.funderError.set(unchosen ? 'Choisissez le financeur dans la liste, ou effacez le champ.' : null);
    if (this.form.invalid || unchosen) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const amountCents = parseEuroAmount(value.amount) as number;
    this.pending.set(true);
    this.error.set(null);
    const existing = this.data.line;
    const result: WriteResult<FundingLine> = existing
      ? await this.store.updateFunding(existing.id, {
          version: this.version,
          label: value.label.trim(),
          scheme: value.scheme,
          amountCents,
          status: value.status,
          requestedOn: value.requestedOn || null,
          decidedOn: value.decidedOn || null,
          receivedOn: value.receivedOn || null,
          ...(this.funder !== undefined ? { funderId: this.funder?.id ?? null } : {}),
        })
      : await this.store.addFunding({
          label: value.label.trim(),
          scheme: value.scheme,
          amountCents,
          status: value.status,
          ...(this.funder ? { funderId: this.funder.id } : {}),
          ...(value.requestedOn ? { requestedOn: value.requestedOn } : {}),
          ...(value.decidedOn ? { decidedOn: value.decidedOn } : {}),
          ...(value.receivedOn ? { receivedOn: value.receivedOn } : {}),
        });
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(true);
      return;
    }
    if (result.conflict) {
      // Keep the person's input; saving again applies it over the version now stored.
      const c = result.conflict;
      this.version = c.version;
      this.error.set(
        `Cette ligne a été modifiée par quelqu'un d'autre. Enregistré maintenant : ${FUNDING_SCHEME_LABELS_FR[c.scheme]}, ${formatEuroCents(c.amountCents)}, ${FUNDING_STATUS_LABELS_FR[c.status]}` +
          `${c.decidedOn ? `, décision du ${formatDateFr(c.decidedOn)}` : ''}. Vos saisies sont conservées : enregistrez pour les appliquer.`,
      );
      return;
    }
    // The funder has its own picker; the amount's control is named for what is typed.
    const { funderId, amountCents: amountError, ...others } = result.fieldErrors;
    if (funderId) this.funderError.set(funderId);
    const rest = amountError ? { ...others, amount: amountError } : others;
    const unplaced = Object.keys(rest).length ? placeFieldErrors(this.form, rest) : !funderId;
    if (unplaced) this.error.set(result.message);
  }
}
