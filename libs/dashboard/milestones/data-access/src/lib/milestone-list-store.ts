import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DEFAULT_PAGE_SIZE, Milestone, MilestoneOwner, ProjectListItem, UpdateMilestoneRequest } from '@sillon/contracts';
import { Subject, catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import { MilestoneFilters, queryFromFilters } from './milestone-list-query';
import { MilestonesApi } from './milestones-api';
import { errorMessageOf, fieldErrorsOf, isConflict, problemOf } from './problem';

// What a milestone edit answers: the saved milestone, or why not (with the current one after a 409).
export type MilestoneWriteResult =
  | { ok: true; milestone: Milestone }
  | { ok: false; message: string; fieldErrors: Record<string, string>; conflict?: Milestone };

type Answer = { ok: true; items: Milestone[]; total: number } | { ok: false; message: string };

// Turns a failed milestone write into what a form shows.
export function milestoneWriteFailure(error: unknown): MilestoneWriteResult {
  const current = isConflict(error) ? (problemOf(error)?.current as Milestone | undefined) : undefined;
  return { ok: false, message: errorMessageOf(error), fieldErrors: fieldErrorsOf(error), ...(current ? { conflict: current } : {}) };
}

// The Jalons page: the filters the URL holds, the page the API answered for them.
@Injectable()
export class MilestoneListStore {
  private readonly api = inject(MilestonesApi);
  private readonly requests = new Subject<MilestoneFilters>();

  readonly filters = signal<MilestoneFilters>({ view: 'upcoming' });
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);
  readonly items = signal<Milestone[]>([]);
  readonly total = signal(0);
  readonly owners = signal<MilestoneOwner[]>([]);
  readonly projects = signal<ProjectListItem[]>([]);
  // Projects whose milestones the person may change: every one of their lab for a lab manager, the
  // ones they lead for a project lead, none for a regional director.
  readonly writable = signal<{ lab: string | null; projects: ReadonlySet<string> }>({ lab: null, projects: new Set() });

  readonly pageIndex = computed(() => (this.filters().page ?? 1) - 1);
  readonly pageSize = computed(() => this.filters().pageSize ?? DEFAULT_PAGE_SIZE);

  constructor() {
    this.requests
      .pipe(
        // A newer request cancels the answer of an older one: the table never shows a stale filter.
        switchMap((filters) =>
          this.api.list(queryFromFilters(filters)).pipe(
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

  load(filters: MilestoneFilters): void {
    this.filters.set(filters);
    this.loading.set(true);
    this.requests.next(filters);
  }

  reload(): void {
    this.load(this.filters());
  }

  // What the filters offer: the people and the projects within reach. A failure leaves them empty.
  async loadChoices(): Promise<void> {
    const [owners, projects] = await Promise.allSettled([firstValueFrom(this.api.owners()), firstValueFrom(this.api.projects())]);
    this.owners.set(owners.status === 'fulfilled' ? owners.value : []);
    this.projects.set(projects.status === 'fulfilled' ? projects.value.items : []);
  }

  async loadWritable(me: { id: string; role: string; labId: string | null }): Promise<void> {
    if (me.role === 'lab_manager') {
      this.writable.set({ lab: me.labId, projects: new Set() });
    } else if (me.role === 'project_lead') {
      try {
        const page = await firstValueFrom(this.api.projects(me.id));
        this.writable.set({ lab: null, projects: new Set(page.items.map((p) => p.id)) });
      } catch {
        this.writable.set({ lab: null, projects: new Set() });
      }
    }
  }

  canWrite(milestone: Milestone): boolean {
    const writable = this.writable();
    return milestone.labId === writable.lab || writable.projects.has(milestone.projectId);
  }

  // Saves an edit, then reloads the page: the milestone may have left the view (done, rescheduled).
  async update(milestone: Milestone, changes: Omit<UpdateMilestoneRequest, 'version'>, version = milestone.version): Promise<MilestoneWriteResult> {
    try {
      const saved = await firstValueFrom(this.api.update(milestone.id, { ...changes, version }));
      this.reload();
      return { ok: true, milestone: saved };
    } catch (error: unknown) {
      const failure = milestoneWriteFailure(error);
      if (!failure.ok && failure.conflict) this.reload();
      return failure;
    }
  }
}
