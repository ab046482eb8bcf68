import { computed, inject, Injectable, signal } from '@angular/core';
import { IMPORT_FIELDS, IMPORT_MAX_BYTES, ImportAnalysis, ImportKind, ImportMapping, ImportReport } from '@sillon/contracts';
import { errorMessageOf, problemOf } from '@sillon/dashboard/shared/util';
import { firstValueFrom, Observable } from 'rxjs';
import { ImportsApi } from './imports-api';

export type ImportStep = 'analyse' | 'dry-run' | 'import';

// The steps of one import: the file and its kind, the mapping, the dry run, the import. Changing
// an earlier step forgets what the later ones found: « Importer » needs a clean dry run of the
// very file and mapping it will send.
@Injectable()
export class ImportStore {
  private readonly api = inject(ImportsApi);

  readonly kind = signal<ImportKind>('projects');
  readonly file = signal<File | null>(null);
  readonly analysis = signal<ImportAnalysis | null>(null);
  readonly mapping = signal<ImportMapping>({});
  readonly report = signal<ImportReport | null>(null);
  readonly result = signal<ImportReport | null>(null);
  readonly busy = signal<ImportStep | null>(null);
  readonly error = signal<string | null>(null);
  // The server's word per field, by its full name (file, kind, mapping.<field>).
  readonly fieldErrors = signal<Record<string, string>>({});
  // The row messages of a refused import.
  readonly rowErrors = signal<string[]>([]);

  readonly fields = computed(() => IMPORT_FIELDS[this.kind()]);
  readonly missingFields = computed(() => this.fields().filter((f) => f.required && !this.mapping()[f.field]));
  readonly canDryRun = computed(() => !!this.analysis() && this.missingFields().length === 0 && !this.busy());
  readonly canImport = computed(() => {
    const report = this.report();
    return !!report && report.errors === 0 && report.created + report.unchanged > 0 && !this.result() && !this.busy();
  });

  setKind(kind: ImportKind): void {
    this.kind.set(kind);
    this.reset();
  }

  setFile(file: File | null): void {
    this.file.set(file);
    this.reset();
    if (file && file.size > IMPORT_MAX_BYTES) {
      this.fieldErrors.set({ file: `Le fichier dépasse ${IMPORT_MAX_BYTES / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.` });
    }
  }

  setColumn(field: string, column: string): void {
    const mapping = { ...this.mapping() };
    if (column) mapping[field] = column;
    else delete mapping[field];
    this.mapping.set(mapping);
    this.report.set(null);
    this.result.set(null);
  }

  async analyse(): Promise<boolean> {
    const file = this.file();
    if (!file) {
      this.fieldErrors.set({ file: 'Choisissez le fichier à importer (CSV ou Excel .xlsx).' });
      return false;
    }
    const outcome = await this.run('analyse', () => this.api.analyse(this.kind(), file));
    if (!outcome) return false;
    this.analysis.set(outcome);
    this.mapping.set(outcome.suggestedMapping);
    return true;
  }

  async dryRun(): Promise<boolean> {
    const file = this.file();
    if (!file || !this.analysis()) return false;
    const outcome = await this.run('dry-run', () => this.api.dryRun(this.kind(), file, this.mapping()));
    this.report.set(outcome);
    return !!outcome;
  }

  async import(): Promise<boolean> {
    const file = this.file();
    if (!file || !this.canImport()) return false;
    const outcome = await this.run('import', () => this.api.run(this.kind(), file, this.mapping()));
    if (outcome) this.result.set(outcome);
    else this.report.set(null);
    return !!outcome;
  }

  // Starts again with another file, the kind kept.
  restart(): void {
    this.file.set(null);
    this.reset();
  }

  private reset(): void {
    this.analysis.set(null);
    this.mapping.set({});
    this.report.set(null);
    this.result.set(null);
    this.error.set(null);
    this.fieldErrors.set({});
    this.rowErrors.set([]);
  }

  private async run<T>(step: ImportStep, call: () => Observable<T>): Promise<T | null> {
    this.busy.set(step);
    this.error.set(null);
    this.fieldErrors.set({});
    this.rowErrors.set([]);
    try {
      return await firstValueFrom(call());
    } catch (error: unknown) {
      const problem = problemOf(error);
      // A refused import names each row as `rows.<line>`: listed apart from the form's fields.
      this.rowErrors.set((problem?.errors ?? []).filter((e) => e.field.startsWith('rows.')).map((e) => e.message));
      const fields: Record<string, string> = {};
      for (const e of problem?.errors ?? []) if (!e.field.startsWith('rows.')) fields[e.field] ??= e.message;
      this.fieldErrors.set(fields);
      this.error.set(errorMessageOf(error));
      return null;
    } finally {
      this.busy.set(null);
    }
  }
}
