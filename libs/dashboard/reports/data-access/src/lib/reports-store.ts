import { Injectable, computed, inject, signal } from '@angular/core';
import { FieldError, Lab, PortfolioReport, PortfolioReportQuery, REPORT_EXPORT_FORMATS, compareDepartmentCodes } from '@sillon/contracts';
import { errorMessageOf, problemOf } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';
import { exportUrl, ReportsApi } from './reports-api';

export type ReportState =
  | { status: 'idle' }
  | { status: 'loading'; previous: PortfolioReport | null }
  | { status: 'loaded'; value: PortfolioReport }
  | { status: 'error'; message: string; fieldErrors: FieldError[] };

const FALLBACK = 'Le rapport n’a pas pu être calculé. Réessayez dans un instant.';

// The report's own fields are named in a list above the figures, so the errors stay a list.
function failureOf(error: unknown): { message: string; fieldErrors: FieldError[] } {
  return { message: errorMessageOf(error, FALLBACK), fieldErrors: problemOf(error)?.errors ?? [] };
}

// State of the Rapports page: the labs to choose from, the scope asked for and its figures.
@Injectable()
export class ReportsStore {
  private readonly api = inject(ReportsApi);
  private requestId = 0;

  readonly labs = signal<Lab[]>([]);
  readonly query = signal<PortfolioReportQuery>({});
  readonly state = signal<ReportState>({ status: 'idle' });

  // The figures on screen: the new ones, or the previous ones while the next are computed (no layout jump).
  readonly report = computed<PortfolioReport | null>(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.value : state.status === 'loading' ? state.previous : null;
  });
  readonly loading = computed(() => this.state().status === 'loading');
  readonly fieldErrors = computed(() => {
    const state = this.state();
    return state.status === 'error' ? state.fieldErrors : [];
  });
  readonly downloads = computed(() => REPORT_EXPORT_FORMATS.map((format) => ({ format, url: exportUrl(format, this.query()) })));
  // Regions of the labs in reach, by name: a choice only for a reader of several (the national direction).
  readonly regions = computed(() => {
    const byId = new Map(this.labs().map((l) => [l.regionId, { id: l.regionId, name: l.regionName }]));
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  });
  // Départements of the labs in reach, for the territory filter.
  readonly departments = computed(() => [...new Set(this.labs().flatMap((l) => l.departments))].sort(compareDepartmentCodes));

  async loadLabs(): Promise<void> {
    try {
      this.labs.set(await firstValueFrom(this.api.labs()));
    } catch {
      // Without the list, the report still covers every lab in reach.
      this.labs.set([]);
    }
  }

  // Keeps only the answer to the latest scope asked for.
  async load(query: PortfolioReportQuery): Promise<void> {
    const id = ++this.requestId;
    this.query.set(query);
    this.state.set({ status: 'loading', previous: this.report() });
    try {
      const value = await firstValueFrom(this.api.portfolio(query));
      if (id === this.requestId) this.state.set({ status: 'loaded', value });
    } catch (error) {
      if (id === this.requestId) this.state.set({ status: 'error', ...failureOf(error) });
    }
  }
}
