import { Injectable, computed, inject, signal } from '@angular/core';
import { DEFAULT_PAGE_SIZE, Milestone, MilestoneOwner, ProjectListItem, UpdateMilestoneRequest } from '@sillon/contracts';
import { WriteResult, pagedList, write } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';
import { MilestoneFilters, queryFromFilters } from './milestone-list-query';
import { MilestonesApi } from './milestones-api';

// The Jalons page: the filters the URL holds, the page the API answered for them.
@Injectable()
export class MilestoneListStore {
  private readonly api = inject(MilestonesApi);
  private readonly list = pagedList<MilestoneFilters, Milestone>((filters) => this.api.list(queryFromFilters(filters)), { view: 'upcoming' });

  readonly filters = this.list.query;
  readonly loading = this.list.loading;
  readonly loaded = this.list.loaded;
  readonly error = this.list.error;
  readonly items = this.list.items;
  readonly total = this.list.total;
  readonly owners = signal<MilestoneOwner[]>([]);
  readonly projects = signal<ProjectListItem[]>([]);
  // Projects whose milestones the person may change: every one of their lab for a lab manager, the
  // ones they lead for a project lead, none for a regional director.
  readonly writable = signal<{ lab: string | null; projects: ReadonlySet<string> }>({ lab: null, projects: new Set() });

  readonly pageIndex = computed(() => (this.filters().page ?? 1) - 1);
  readonly pageSize = computed(() => this.filters().pageSize ?? DEFAULT_PAGE_SIZE);

  load(filters: MilestoneFilters): void {
    this.list.load(filters);
  }

  reload(): void {
    this.list.reload();
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
  async update(milestone: Milestone, changes: Omit<UpdateMilestoneRequest, 'version'>, version = milestone.version): Promise<WriteResult<Milestone>> {
    const result = await write(this.api.update(milestone.id, { ...changes, version }));
    if (result.ok || result.conflict) this.reload();
    return result;
  }
}
