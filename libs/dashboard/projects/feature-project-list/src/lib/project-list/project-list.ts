import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, MatPaginatorIntl, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  DEPARTMENT_CODE_PATTERN,
  HEALTH_LABELS_FR,
  HEALTHS,
  PROJECT_STATUS_LABELS_FR,
  PROJECT_STATUSES,
  Project,
  ProjectListQuery,
  ProjectSort,
  STAGE_LABELS_FR,
  STAGES,
  THEME_LABELS_FR,
  THEMES,
} from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import {
  DEFAULT_SORT,
  ListFilterKey,
  ProjectListStore,
  hasFilters,
  paramsFromQuery,
  projectExportUrl,
  queryFromParams,
} from '@sillon/dashboard/projects/data-access';
import { DownloadLink, FrenchPaginatorIntl, HealthBadge, StageBadge } from '@sillon/dashboard/shared/ui';
import { departmentsHint } from '@sillon/dashboard/shared/util';
import { departmentCodesIn } from '@sillon/util';
import { ProjectCreateDialog, ProjectCreateDialogData } from '../project-create-dialog/project-create-dialog';

const COLUMNS = ['code', 'name', 'stage', 'health', 'lead', 'stageEnteredAt', 'updatedAt'] as const;
const SEARCH_DELAY_MS = 350;

interface Choice {
  value: string;
  label: string;
}

const choices = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): Choice[] =>
  values.map((value) => ({ value, label: labels[value] }));

@Component({
  selector: 'sil-project-list',
  imports: [
    DatePipe,
    RouterLink,
    MatTableModule,
    MatSort,
    MatSortHeader,
    MatPaginator,
    MatProgressBar,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    StageBadge,
    HealthBadge,
    DownloadLink,
  ],
  templateUrl: './project-list.html',
  styleUrl: './project-list.scss',
  providers: [ProjectListStore, { provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectList {
  protected readonly store = inject(ProjectListStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly columns = COLUMNS;
  protected readonly stages = choices(STAGES, STAGE_LABELS_FR);
  protected readonly statuses = choices(PROJECT_STATUSES, PROJECT_STATUS_LABELS_FR);
  protected readonly healths = choices(HEALTHS, HEALTH_LABELS_FR);
  protected readonly themes = choices(THEMES, THEME_LABELS_FR);

  protected readonly role = this.session.role;
  protected readonly me = this.session.me;
  protected readonly canCreate = computed(() => this.role() === 'project_lead' || this.role() === 'lab_manager');
  protected readonly query = this.store.query;
  protected readonly filtered = computed(() => hasFilters(this.query()));
  protected readonly onlyMine = computed(() => {
    const me = this.me();
    const lead = this.query().lead;
    return !!me && lead?.length === 1 && lead[0] === me.id;
  });
  protected readonly sortActive = computed(() => (this.query().sort ?? DEFAULT_SORT).replace(/^-/, ''));
  protected readonly sortDirection = computed(() => ((this.query().sort ?? DEFAULT_SORT).startsWith('-') ? 'desc' : 'asc'));
  protected readonly departmentsText = computed(() => (this.query().department ?? []).join(', '));
  protected readonly departmentsError = signal<string | null>(null);
  protected readonly departmentsHint = computed(() => departmentsHint(this.departmentsText(), 'Codes INSEE séparés par des virgules'));
  // The whole list as filtered and sorted, not only the page shown.
  protected readonly exportUrls = computed(() => ({ csv: projectExportUrl('csv', this.query()), xlsx: projectExportUrl('xlsx', this.query()) }));
  protected readonly summary = computed(() => {
    const total = this.store.total();
    if (!this.store.loaded()) return 'Chargement des projets…';
    return total === 0 ? 'Aucun projet' : total === 1 ? '1 projet' : `${new Intl.NumberFormat('fr-FR').format(total)} projets`;
  });

  constructor() {
    const firstVisit = Object.keys(this.route.snapshot.queryParams).length === 0;
    if (firstVisit && this.session.role() === 'project_lead' && this.session.me()) {
      // A project lead lands on their own projects; the lab's others are one click away.
      void this.navigate({ lead: [this.session.me()?.id ?? ''] }, true);
    }
    this.route.queryParams.pipe(takeUntilDestroyed()).subscribe((params) => this.store.load(queryFromParams(params)));
    if (this.session.role() === 'lab_manager') void this.store.loadLeads();
    if (this.session.role() === 'regional_director' || this.session.role() === 'national') void this.store.loadLabs();
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected filter(key: ListFilterKey, values: string[]): void {
    void this.navigate({ ...this.query(), [key]: values, page: undefined });
  }

  protected search(text: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.navigate({ ...this.query(), q: text.trim() || undefined, page: undefined }), SEARCH_DELAY_MS);
  }

  protected departments(text: string): void {
    const codes = departmentCodesIn(text);
    const wrong = codes.filter((code) => !DEPARTMENT_CODE_PATTERN.test(code));
    if (wrong.length) {
      this.departmentsError.set(`Code de département inconnu : ${wrong.join(', ')}. Exemple : 59, 62, 2A.`);
      return;
    }
    this.departmentsError.set(null);
    this.filter('department', codes);
  }

  protected toggleMine(checked: boolean): void {
    this.filter('lead', checked ? [this.me()?.id ?? ''] : []);
  }

  // Lab managers: the archived projects alone, a view of its own in the URL (archived=only).
  protected toggleArchived(checked: boolean): void {
    void this.navigate({ ...this.query(), archived: checked ? 'only' : undefined, page: undefined });
  }

  protected sort(sort: Sort): void {
    const field = sort.direction ? sort.active : DEFAULT_SORT;
    const value = (sort.direction === 'desc' ? `-${field}` : field) as ProjectSort;
    void this.navigate({ ...this.query(), sort: value, page: undefined });
  }

  protected page(event: PageEvent): void {
    void this.navigate({ ...this.query(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected clear(): void {
    this.departmentsError.set(null);
    void this.navigate({ sort: this.query().sort });
  }

  protected create(): void {
    const data: ProjectCreateDialogData = { leads: this.store.leads(), role: this.role() };
    this.dialog
      .open<ProjectCreateDialog, ProjectCreateDialogData, Project>(ProjectCreateDialog, {
        data,
        width: '640px',
        maxWidth: '95vw',
        // The dialog reaches this page's store through the page's injector.
        injector: this.injector,
      })
      .afterClosed()
      .subscribe((project) => {
        if (project) void this.router.navigate(['/projets', project.id]);
      });
  }

  private navigate(query: ProjectListQuery, replaceUrl = false): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams: paramsFromQuery(query), replaceUrl });
  }
}
