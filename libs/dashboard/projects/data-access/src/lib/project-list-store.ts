import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CreateProjectRequest, DEFAULT_PAGE_SIZE, Lab, Project, ProjectListItem, ProjectListQuery, User } from '@sillon/contracts';
import { Subject, catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import { errorMessageOf, fieldErrorsOf } from './problem';
import { ProjectsApi } from './projects-api';

export type CreateResult = { ok: true; project: Project } | { ok: false; message: string; fieldErrors: Record<string, string> };

type Answer = { ok: true; items: ProjectListItem[]; total: number } | { ok: false; message: string };

// The Projets table: the query the URL holds, the page the API answered for it.
@Injectable()
export class ProjectListStore {
  private readonly api = inject(ProjectsApi);
  private readonly queries = new Subject<ProjectListQuery>();

  readonly query = signal<ProjectListQuery>({});
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly items = signal<ProjectListItem[]>([]);
  readonly total = signal(0);
  // Nothing answered yet: the first load shows a placeholder instead of "no project".
  readonly loaded = signal(false);
  readonly leads = signal<User[]>([]);
  readonly labs = signal<Lab[]>([]);

  readonly pageIndex = computed(() => (this.query().page ?? 1) - 1);
  readonly pageSize = computed(() => this.query().pageSize ?? DEFAULT_PAGE_SIZE);
  readonly empty = computed(() => this.loaded() && !this.error() && this.items().length === 0);

  constructor() {
    this.queries
      .pipe(
        // A newer query cancels the answer of an older one, so the table never shows a stale filter.
        switchMap((query) =>
          this.api.list(query).pipe(
            map((page): Answer => ({ ok: true, items: page.items, total: page.total })),
            catchError((error: unknown) => of<Answer>({ ok: false, message: errorMessageOf(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((answer) => {
        this.loading.set(false);
        this.loaded.set(true);
        if (answer.ok) {
          this.error.set(null);
          this.items.set(answer.items);
          this.total.set(answer.total);
        } else {
          this.error.set(answer.message);
        }
      });
  }

  load(query: ProjectListQuery): void {
    this.query.set(query);
    this.loading.set(true);
    this.queries.next(query);
  }

  reload(): void {
    this.load(this.query());
  }

  // Lab managers pick a lead among their lab's people; others get no list (the API refuses them).
  async loadLeads(): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.leads());
      this.leads.set(page.items.filter((u) => u.role === 'project_lead' || u.role === 'lab_manager'));
    } catch {
      this.leads.set([]);
    }
  }

  async loadLabs(): Promise<void> {
    try {
      this.labs.set(await firstValueFrom(this.api.labs()));
    } catch {
      this.labs.set([]);
    }
  }

  async create(request: CreateProjectRequest): Promise<CreateResult> {
    try {
      return { ok: true, project: await firstValueFrom(this.api.create(request)) };
    } catch (error: unknown) {
      return { ok: false, message: errorMessageOf(error), fieldErrors: fieldErrorsOf(error) };
    }
  }
}
