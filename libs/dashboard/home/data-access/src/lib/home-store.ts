import { Injectable, computed, inject, signal } from '@angular/core';
import { Milestone, PipelineOverview, ProjectListItem, Role, STAGE_LABELS_FR, STAGES, STALLED_DAYS_DEFAULT } from '@sillon/contracts';
import { errorMessageOf } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';
import { HomeApi } from './home-api';

export const OVERDUE_LIST_SIZE = 8;
export const MY_PROJECTS_SIZE = 6;
export const STALLED_DAYS_CHOICES = [30, 60, 90, 180] as const;

export interface HomeViewer {
  id: string;
  role: Role;
}

export type Loadable<T> = { status: 'loading' } | { status: 'loaded'; value: T } | { status: 'error'; message: string };

const messageOf = (error: unknown) => errorMessageOf(error, "Ces chiffres n'ont pas pu être chargés. Réessayez dans quelques instants.");

// State of the Tableau de bord: each block loads and fails on its own, so one slow call never blanks the page.
@Injectable()
export class HomeStore {
  private readonly api = inject(HomeApi);

  readonly stalledDays = signal<number>(STALLED_DAYS_DEFAULT);
  readonly overview = signal<Loadable<PipelineOverview>>({ status: 'loading' });
  readonly overdue = signal<Loadable<{ items: Milestone[]; total: number }>>({ status: 'loading' });
  readonly myProjects = signal<Loadable<ProjectListItem[]> | null>(null);

  readonly figures = computed(() => {
    const o = this.overview();
    return o.status === 'loaded' ? o.value : null;
  });
  readonly stageRows = computed(() => {
    const o = this.figures();
    return o ? STAGES.map((stage) => ({ stage, label: STAGE_LABELS_FR[stage], count: o.activeByStage[stage] })) : [];
  });

  async load(viewer: HomeViewer, stalledDays: number): Promise<void> {
    this.stalledDays.set(stalledDays);
    const tasks = [this.loadOverview(stalledDays), this.loadOverdue()];
    if (viewer.role === 'project_lead') tasks.push(this.loadMyProjects(viewer.id));
    await Promise.all(tasks);
  }

  async changeStalledDays(days: number): Promise<void> {
    this.stalledDays.set(days);
    await this.loadOverview(days);
  }

  private async loadOverview(stalledDays: number): Promise<void> {
    this.overview.set({ status: 'loading' });
    try {
      const value = await firstValueFrom(this.api.overview(stalledDays));
      // A later choice of days wins over a slower earlier answer.
      if (this.stalledDays() === stalledDays) this.overview.set({ status: 'loaded', value });
    } catch (error) {
      if (this.stalledDays() === stalledDays) this.overview.set({ status: 'error', message: messageOf(error) });
    }
  }

  private async loadOverdue(): Promise<void> {
    this.overdue.set({ status: 'loading' });
    try {
      const page = await firstValueFrom(this.api.overdueMilestones(OVERDUE_LIST_SIZE));
      this.overdue.set({ status: 'loaded', value: { items: page.items, total: page.total } });
    } catch (error) {
      this.overdue.set({ status: 'error', message: messageOf(error) });
    }
  }

  private async loadMyProjects(leadId: string): Promise<void> {
    this.myProjects.set({ status: 'loading' });
    try {
      const page = await firstValueFrom(this.api.projectsLedBy(leadId, MY_PROJECTS_SIZE));
      this.myProjects.set({ status: 'loaded', value: page.items });
    } catch (error) {
      this.myProjects.set({ status: 'error', message: messageOf(error) });
    }
  }
}
