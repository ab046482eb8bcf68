import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { IMPORT_KIND_LABELS_FR, IMPORT_KINDS, IMPORT_MAX_ROWS, IMPORT_ROW_STATUS_LABELS_FR, ImportKind, ImportReport } from '@sillon/contracts';
import { ImportStore } from '@sillon/dashboard/imports/data-access';

// Rows of the report drawn in the table; the counts cover them all.
const SHOWN_ROWS = 200;

const number = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
const plural = (n: number, one: string, many: string) => `${number(n)} ${n > 1 ? many : one}`;

// Where the records of each kind are found once imported.
const DESTINATIONS: Record<ImportKind, { path: string; label: string }> = {
  projects: { path: '/projets', label: 'Voir les projets' },
  milestones: { path: '/jalons', label: 'Voir les jalons' },
  organisations: { path: '/organisations', label: 'Voir les organisations' },
};

// Moving a lab in from its spreadsheet, step by step: the file, the columns, the dry run, the import.
@Component({
  selector: 'sil-import-page',
  imports: [RouterLink, MatButton, MatFormField, MatLabel, MatHint, MatSelect, MatOption, MatProgressBar],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  providers: [ImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  protected readonly store = inject(ImportStore);
  private readonly injector = inject(Injector);

  protected readonly kinds = IMPORT_KINDS.map((value) => ({ value, label: IMPORT_KIND_LABELS_FR[value] }));
  protected readonly statusLabels = IMPORT_ROW_STATUS_LABELS_FR;
  protected readonly maxRows = number(IMPORT_MAX_ROWS);
  protected readonly destination = computed(() => DESTINATIONS[this.store.kind()]);
  protected readonly shownRows = computed(() => this.store.report()?.rows.slice(0, SHOWN_ROWS) ?? []);
  protected readonly hiddenRows = computed(() => Math.max(0, (this.store.report()?.rows.length ?? 0) - SHOWN_ROWS));
  protected readonly reportSummary = computed(() => summary(this.store.report(), true));
  protected readonly resultSummary = computed(() => summary(this.store.result(), false));
  protected readonly missing = computed(() => this.store.missingFields().map((f) => `« ${f.label} »`).join(', '));

  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly mappingHeading = viewChild<ElementRef<HTMLElement>>('mappingHeading');
  private readonly reportHeading = viewChild<ElementRef<HTMLElement>>('reportHeading');
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');

  protected setKind(kind: ImportKind): void {
    this.store.setKind(kind);
  }

  protected chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.store.setFile(input.files?.[0] ?? null);
  }

  protected async analyse(): Promise<void> {
    if (await this.store.analyse()) this.focus(this.mappingHeading);
  }

  protected async dryRun(): Promise<void> {
    if (await this.store.dryRun()) this.focus(this.reportHeading);
  }

  protected async import(): Promise<void> {
    if (await this.store.import()) this.focus(this.resultHeading);
  }

  protected restart(): void {
    this.store.restart();
    const input = this.fileInput()?.nativeElement;
    if (input) {
      input.value = '';
      input.focus();
    }
  }

  // Each step's heading takes the focus once drawn, so that a screen reader and the keyboard follow.
  private focus(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}

function summary(report: ImportReport | null, dryRun: boolean): string {
  if (!report) return '';
  const parts = [
    dryRun ? plural(report.created, 'ligne à créer', 'lignes à créer') : plural(report.created, 'enregistrement créé', 'enregistrements créés'),
    plural(report.unchanged, 'déjà présente (inchangée)', 'déjà présentes (inchangées)'),
  ];
  if (dryRun) parts.push(plural(report.errors, 'en erreur', 'en erreur'));
  return `${plural(report.total, 'ligne lue', 'lignes lues')} : ${parts.join(', ')}.`;
}
