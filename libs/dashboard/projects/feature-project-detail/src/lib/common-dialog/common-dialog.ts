import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChildren } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  COMMON_KIND_LABELS_FR,
  COMMON_KINDS,
  COMMON_LICENCE_LABELS_FR,
  COMMON_LICENCES,
  COMMON_TITLE_MAX,
  COMMON_URL_MAX,
  CommonKind,
  CommonLicence,
  CommonReuse,
  CommonReuseInput,
  DEPARTMENT_CODES,
  DEPARTMENT_NAMES_FR,
  ProjectCommon,
  REUSE_NOTE_MAX,
  REUSE_TERRITORY_MAX,
} from '@sillon/contracts';
import { ProjectCommonsStore } from '@sillon/dashboard/commons/data-access';
import { WriteResult, placeFieldErrors } from '@sillon/dashboard/shared/util';
import { formatDateFr } from '@sillon/util';

export interface CommonDialogData {
  // Absent: a new commons.
  common?: ProjectCommon;
}

// A web address as people type it; the API checks the rest (a real host, http or https only).
const WEB_ADDRESS = /^https?:\/\/\S+$/i;

// A commons the project publishes: what it is, its licence, where to find it, who reuses it.
@Component({
  selector: 'sil-common-dialog',
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
  templateUrl: './common-dialog.html',
  styleUrls: ['../dialog-form.scss', './common-dialog.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommonDialog {
  private readonly store = inject(ProjectCommonsStore);
  private readonly dialogRef = inject<MatDialogRef<CommonDialog, boolean>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly data = inject<CommonDialogData>(MAT_DIALOG_DATA);

  protected readonly kinds = COMMON_KINDS.map((value) => ({ value, label: COMMON_KIND_LABELS_FR[value] }));
  protected readonly licences = COMMON_LICENCES.map((value) => ({ value, label: COMMON_LICENCE_LABELS_FR[value] }));
  protected readonly departments = DEPARTMENT_CODES.map((code) => ({ code, label: `${DEPARTMENT_NAMES_FR[code]} (${code})` }));
  protected readonly limits = { title: COMMON_TITLE_MAX, url: COMMON_URL_MAX, territory: REUSE_TERRITORY_MAX, note: REUSE_NOTE_MAX };
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly announcement = signal('');
  private readonly territoryInputs = viewChildren<ElementRef<HTMLInputElement>>('territory');
  private version = this.data.common?.version ?? 0;

  protected readonly form = this.fb.group({
    title: [this.data.common?.title ?? '', [Validators.required, Validators.maxLength(COMMON_TITLE_MAX)]],
    kind: [this.data.common?.kind ?? ('guide' as CommonKind), Validators.required],
    licence: [this.data.common?.licence ?? ('etalab_2_0' as CommonLicence), Validators.required],
    url: [this.data.common?.url ?? '', [Validators.required, Validators.maxLength(COMMON_URL_MAX), Validators.pattern(WEB_ADDRESS)]],
    publishedOn: [this.data.common?.publishedOn ?? '', Validators.required],
    reuses: this.fb.array((this.data.common?.reuses ?? []).map((reuse) => this.reuseGroup(reuse))),
  });

  protected get reuses() {
    return this.form.controls.reuses;
  }

  protected addReuse(): void {
    this.reuses.push(this.reuseGroup());
    this.announcement.set(`Réutilisation ${this.reuses.length} ajoutée.`);
    // The new row's first field takes the focus.
    setTimeout(() => this.territoryInputs().at(-1)?.nativeElement.focus());
  }

  protected removeReuse(index: number): void {
    this.reuses.removeAt(index);
    this.announcement.set(`Réutilisation ${index + 1} retirée.`);
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const reuses: CommonReuseInput[] = value.reuses.map((r) => ({
      territory: r.territory.trim(),
      department: r.department || null,
      since: r.since,
      note: r.note.trim() || null,
    }));
    const fields = { title: value.title.trim(), kind: value.kind, licence: value.licence, url: value.url.trim(), publishedOn: value.publishedOn, reuses };
    this.pending.set(true);
    this.error.set(null);
    const existing = this.data.common;
    const result: WriteResult<ProjectCommon> = existing
      ? await this.store.update(existing.id, { version: this.version, ...fields })
      : await this.store.add(fields);
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
        `Ce commun a été modifié par quelqu'un d'autre. Enregistré maintenant : « ${c.title} », ${COMMON_LICENCE_LABELS_FR[c.licence]}, publié le ${formatDateFr(c.publishedOn)}. ` +
          'Vos saisies sont conservées : enregistrez pour les appliquer.',
      );
      return;
    }
    if (placeFieldErrors(this.form, result.fieldErrors)) this.error.set(result.message);
  }

  private reuseGroup(reuse?: CommonReuse) {
    return this.fb.group({
      territory: [reuse?.territory ?? '', [Validators.required, Validators.maxLength(REUSE_TERRITORY_MAX)]],
      department: [reuse?.department ?? ''],
      since: [reuse?.since ?? '', Validators.required],
      note: [reuse?.note ?? '', Validators.maxLength(REUSE_NOTE_MAX)],
    });
  }
}
