import { Injectable, computed, inject, signal } from '@angular/core';
import { CreateActivityRequest, DEFAULT_PAGE_SIZE, LabActivity, Organisation, ProjectListItem, UpdateActivityRequest } from '@sillon/contracts';
import { WriteResult, pagedList, write } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';
import { ActivitiesApi } from './activities-api';
import { ActivityFilters, activityQueryFromFilters } from './activity-list-query';

// Who is looking, as far as the page needs: who may record and change which activities.
export interface ActivityViewer {
  id: string;
  role: string;
  labId: string | null;
}

// The Activités page: the filters the URL holds, the page the API answered for them, and the lab's
// projects and organisations its dialog offers.
@Injectable()
export class ActivityListStore {
  private readonly api = inject(ActivitiesApi);
  private readonly list = pagedList<ActivityFilters, LabActivity>((filters) => this.api.list(activityQueryFromFilters(filters)), {});

  readonly filters = this.list.query;
  readonly loading = this.list.loading;
  readonly loaded = this.list.loaded;
  readonly error = this.list.error;
  readonly items = this.list.items;
  readonly total = this.list.total;
  readonly projects = signal<ProjectListItem[]>([]);
  readonly organisations = signal<Organisation[]>([]);
  readonly viewer = signal<ActivityViewer | null>(null);

  readonly pageIndex = computed(() => (this.filters().page ?? 1) - 1);
  readonly pageSize = computed(() => this.filters().pageSize ?? DEFAULT_PAGE_SIZE);
  // Lab managers and project leads record their lab's activities; regional directors read them.
  readonly canCreate = computed(() => {
    const viewer = this.viewer();
    return !!viewer?.labId && (viewer.role === 'lab_manager' || viewer.role === 'project_lead');
  });

  // Someone who reads several labs (a regional director, the national direction) sees each activity's lab.
  readonly readsSeveralLabs = computed(() => {
    const viewer = this.viewer();
    return !!viewer && !viewer.labId;
  });

  load(filters: ActivityFilters): void {
    this.list.load(filters);
  }

  reload(): void {
    this.list.reload();
  }

  // What the filters and the dialog offer. A failure leaves them empty.
  async loadChoices(): Promise<void> {
    const [projects, organisations] = await Promise.allSettled([firstValueFrom(this.api.projects()), firstValueFrom(this.api.organisations())]);
    this.projects.set(projects.status === 'fulfilled' ? projects.value.items : []);
    this.organisations.set(organisations.status === 'fulfilled' ? organisations.value.items : []);
  }

  // The lab manager changes every activity of the lab; a project lead those they recorded.
  canChange(activity: LabActivity): boolean {
    const viewer = this.viewer();
    if (!viewer || viewer.labId !== activity.labId) return false;
    return viewer.role === 'lab_manager' || (viewer.role === 'project_lead' && activity.createdBy === viewer.id);
  }

  async create(request: CreateActivityRequest): Promise<WriteResult<LabActivity>> {
    const result = await write(this.api.create(request));
    if (result.ok) this.reload();
    return result;
  }

  async update(activity: LabActivity, changes: Omit<UpdateActivityRequest, 'version'>, version = activity.version): Promise<WriteResult<LabActivity>> {
    const result = await write(this.api.update(activity.id, { ...changes, version }));
    if (result.ok || result.conflict) this.reload();
    return result;
  }

  async remove(activity: LabActivity): Promise<WriteResult<void>> {
    const result = await write(this.api.remove(activity.id));
    this.reload();
    return result;
  }
}
