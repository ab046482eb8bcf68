import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepickerIntl, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import {
  ACTIVITY_ACTOR_LABELS_FR,
  ACTIVITY_KIND_LABELS_FR,
  ActivityActorType,
  ActivityKind,
  HEALTH_LABELS_FR,
  MILESTONE_KIND_LABELS_FR,
  ORGANISATION_TYPE_LABELS_FR,
  OrganisationType,
  PortfolioReportQuery,
  PROJECT_STATUS_LABELS_FR,
  PROJECT_STATUSES,
  ProjectStatus,
  Stage,
  STAGE_LABELS_FR,
  STAGES,
  Theme,
  THEME_LABELS_FR,
  THEMES,
} from '@sillon/contracts';
import { reportQueryFromUrl, reportQueryToUrl, ReportsStore } from '@sillon/dashboard/reports/data-access';
import { CountChart, CountRow, KeyFigure, loadEcharts } from '@sillon/dashboard/home/ui';
import { DepartmentNamePipe, DownloadLink } from '@sillon/dashboard/shared/ui';
import { formatDateFr } from '@sillon/util';
import { provideEchartsCore } from 'ngx-echarts';
import { FRENCH_DATE_FORMATS, FrenchDateAdapter, FrenchDatepickerIntl, fromIsoDate, toIsoDate } from './french-date-adapter';

const integer = new Intl.NumberFormat('fr-FR');
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

const FORMAT_LABELS = { csv: 'CSV (zip, une table par fichier)', xlsx: 'Excel (XLSX)', pdf: 'PDF imprimable' } as const;
const FIELD_LABELS: Record<string, string> = { from: 'Du', to: 'Au', asOf: 'Portefeuille au', lab: 'Labs', region: 'Région', stage: 'Étapes', status: 'Statuts', theme: 'Thèmes', department: 'Départements' };

// The Rapports page: a scope (period, labs, stages, statuses, themes, départements, "as of" date)
// kept in the URL so that it can be shared, its figures, and the same report as CSV, XLSX or PDF.
@Component({
  selector: 'sil-reports',
  imports: [ReactiveFormsModule, MatButtonModule, MatDatepickerModule, MatFormFieldModule, MatInputModule, MatSelectModule, CountChart, KeyFigure, DepartmentNamePipe, DownloadLink],
  templateUrl: './reports.html',
  styleUrl: './reports.scss',
  providers: [
    ReportsStore,
    provideEchartsCore({ echarts: loadEcharts }),
    { provide: DateAdapter, useClass: FrenchDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: FRENCH_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: FrenchDatepickerIntl },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Reports {
  protected readonly store = inject(ReportsStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly stages = STAGES;
  protected readonly statuses = PROJECT_STATUSES;
  protected readonly themes = THEMES;
  protected readonly stageLabel = (s: Stage) => STAGE_LABELS_FR[s];
  protected readonly statusLabel = (s: ProjectStatus) => PROJECT_STATUS_LABELS_FR[s];
  protected readonly themeLabel = (t: Theme | null) => (t ? THEME_LABELS_FR[t] : 'Sans thème');
  protected readonly healthLabel = (h: keyof typeof HEALTH_LABELS_FR) => HEALTH_LABELS_FR[h];
  protected readonly kindLabel = (k: keyof typeof MILESTONE_KIND_LABELS_FR) => MILESTONE_KIND_LABELS_FR[k];
  protected readonly activityKindLabel = (k: ActivityKind) => ACTIVITY_KIND_LABELS_FR[k];
  protected readonly actorLabel = (a: ActivityActorType) => ACTIVITY_ACTOR_LABELS_FR[a];
  protected readonly funderLabel = (t: OrganisationType | null) => (t ? ORGANISATION_TYPE_LABELS_FR[t] : 'Non renseigné');
  protected readonly formatLabel = (f: keyof typeof FORMAT_LABELS) => FORMAT_LABELS[f];
  protected readonly date = formatDateFr;
  protected readonly number = (n: number) => integer.format(n);
  protected readonly days = (n: number | null) => (n === null ? '–' : decimal.format(n));
  protected readonly money = (cents: number) => euros.format(cents / 100);

  protected readonly form = new FormGroup({
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
    asOf: new FormControl<Date | null>(null),
    region: new FormControl<string>('', { nonNullable: true }),
    lab: new FormControl<string[]>([], { nonNullable: true }),
    stage: new FormControl<Stage[]>([], { nonNullable: true }),
    status: new FormControl<ProjectStatus[]>([], { nonNullable: true }),
    theme: new FormControl<Theme[]>([], { nonNullable: true }),
    department: new FormControl<string[]>([], { nonNullable: true }),
  });

  // The labs to choose from: those of the region chosen, if any.
  private readonly regionChosen = toSignal(this.form.controls.region.valueChanges, { initialValue: '' });
  protected readonly labChoices = computed(() => {
    const region = this.regionChosen();
    return this.store.labs().filter((l) => !region || l.regionId === region);
  });

  protected readonly errors = computed(() => this.store.fieldErrors().map((e) => `${FIELD_LABELS[e.field] ?? e.field} : ${e.message}`));
  protected readonly stageRows = computed<CountRow[]>(() => (this.store.report()?.byStage ?? []).map((r) => ({ label: STAGE_LABELS_FR[r.stage], count: r.count })));
  protected readonly scopeLine = computed(() => {
    const r = this.store.report();
    if (!r) return '';
    const labs = r.scope.labs.map((l) => l.name).join(', ') || 'aucun lab';
    return `Période du ${formatDateFr(r.scope.from)} au ${formatDateFr(r.scope.to)}, portefeuille au ${formatDateFr(r.scope.asOf)} — ${labs}.`;
  });

  constructor() {
    void this.store.loadLabs();
    this.route.queryParams.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((params) => {
      const query = reportQueryFromUrl(params);
      this.form.setValue({
        from: fromIsoDate(query.from),
        to: fromIsoDate(query.to),
        asOf: fromIsoDate(query.asOf),
        region: query.region ?? '',
        lab: query.lab ?? [],
        stage: query.stage ?? [],
        status: query.status ?? [],
        theme: query.theme ?? [],
        department: query.department ?? [],
      });
      void this.store.load(query);
    });
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    const query: PortfolioReportQuery = {
      from: toIsoDate(v.from),
      to: toIsoDate(v.to),
      asOf: toIsoDate(v.asOf),
      region: v.region || undefined,
      lab: v.lab,
      stage: v.stage,
      status: v.status,
      theme: v.theme,
      department: v.department,
    };
    void this.router.navigate([], { relativeTo: this.route, queryParams: reportQueryToUrl(query) });
  }

  protected reset(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }
}
