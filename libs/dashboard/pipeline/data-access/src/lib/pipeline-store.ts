import { Injectable, computed, inject, signal } from '@angular/core';
import {
  NextMilestone,
  PipelineOverview,
  Project,
  ProjectListItem,
  ProjectListQuery,
  Stage,
  STAGE_LABELS_FR,
  STAGES,
  TransitionResult,
  compareDepartmentCodes,
} from '@sillon/contracts';
import { firstValueFrom } from 'rxjs';
import { BoardFilters, NO_FILTERS } from './board-filters';
import { moveTargets, Viewer } from './move-rules';
import { PipelineApi } from './pipeline-api';
import { errorMessageOf } from '@sillon/dashboard/shared/util';

// Cards per column and per "Voir plus": keeps the board light with a thousand projects in a lab.
export const BOARD_PAGE_SIZE = 50;

export interface ColumnState {
  items: ProjectListItem[];
  total: number;
  page: number;
  loading: boolean;
  error: string | null;
}

export interface BoardColumn extends ColumnState {
  stage: Stage;
  label: string;
  hasMore: boolean;
}

const emptyColumn = (): ColumnState => ({ items: [], total: 0, page: 0, loading: false, error: null });
const emptyColumns = (): Record<Stage, ColumnState> =>
  Object.fromEntries(STAGES.map((s) => [s, emptyColumn()])) as Record<Stage, ColumnState>;

// State of the Pipeline board: one page-loaded column per stage of the active projects matching the filters.
@Injectable()
export class PipelineStore {
  private readonly api = inject(PipelineApi);
  private readonly state = signal(emptyColumns());
  // null: the project has no planned milestone; absent: not known yet.
  private readonly next = signal<Readonly<Record<string, NextMilestone | null>>>({});
  // Each load bumps the generation: answers of an older load (filters changed meanwhile) are dropped.
  private generation = 0;

  readonly viewer = signal<Viewer | null>(null);
  readonly filters = signal<BoardFilters>(NO_FILTERS);
  readonly overview = signal<PipelineOverview | null>(null);

  readonly columns = computed<BoardColumn[]>(() => {
    const state = this.state();
    return STAGES.map((stage) => ({
      stage,
      label: STAGE_LABELS_FR[stage],
      ...state[stage],
      hasMore: state[stage].items.length < state[stage].total,
    }));
  });
  readonly loading = computed(() => this.columns().some((c) => c.loading && c.page === 0));
  readonly total = computed(() => this.columns().reduce((n, c) => n + c.total, 0));
  readonly leads = computed(() =>
    [...(this.overview()?.activeByLead ?? [])].sort((a, b) => a.leadName.localeCompare(b.leadName, 'fr')),
  );
  readonly departments = computed(() =>
    (this.overview()?.activeByDepartment ?? []).map((d) => d.department).sort(compareDepartmentCodes),
  );

  nextMilestone(projectId: string): NextMilestone | null | undefined {
    return this.next()[projectId];
  }

  targets(project: ProjectListItem): readonly Stage[] {
    return moveTargets(project, this.viewer());
  }

  find(projectId: string): ProjectListItem | undefined {
    for (const column of Object.values(this.state())) {
      const found = column.items.find((p) => p.id === projectId);
      if (found) return found;
    }
    return undefined;
  }

  // Choices of the lead and département filters; the board works without them.
  async loadFacets(): Promise<void> {
    try {
      this.overview.set(await firstValueFrom(this.api.overview()));
    } catch {
      this.overview.set(null);
    }
  }

  async load(filters: BoardFilters): Promise<void> {
    this.filters.set(filters);
    const generation = ++this.generation;
    this.state.set(emptyColumns());
    await Promise.all(STAGES.map((stage) => this.loadPage(stage, 1, generation)));
  }

  async loadMore(stage: Stage): Promise<void> {
    const column = this.state()[stage];
    if (column.loading || column.items.length >= column.total) return;
    await this.loadPage(stage, column.page + 1, this.generation);
  }

  // A move recorded by the API: the card leaves its column and opens the one of its new stage.
  applyTransition(result: TransitionResult): void {
    this.place(result.project);
  }

  // The record as it stands now (after a 409, or reloaded): updated in place or moved to its column.
  place(project: ProjectListItem): void {
    this.state.update((state) => {
      const next = { ...state };
      let removed = false;
      for (const stage of STAGES) {
        const column = next[stage];
        const index = column.items.findIndex((p) => p.id === project.id);
        if (index === -1) continue;
        if (stage === project.stage && project.status === 'active') {
          next[stage] = { ...column, items: column.items.map((p) => (p.id === project.id ? project : p)) };
          return next;
        }
        next[stage] = { ...column, items: column.items.filter((p) => p.id !== project.id), total: Math.max(0, column.total - 1) };
        removed = true;
      }
      if (project.status === 'active' && !project.archivedAt && (removed || this.matches(project))) {
        const column = next[project.stage];
        next[project.stage] = { ...column, items: [project, ...column.items], total: column.total + 1 };
      }
      return next;
    });
  }

  async reload(projectId: string): Promise<Project | null> {
    try {
      const project = await firstValueFrom(this.api.project(projectId));
      this.place(project);
      return project;
    } catch {
      return null;
    }
  }

  private matches(project: ProjectListItem): boolean {
    const f = this.filters();
    return (
      (!f.theme.length || project.themes.some((t) => f.theme.includes(t))) &&
      (!f.lead.length || (project.leadId !== null && f.lead.includes(project.leadId))) &&
      (!f.health.length || f.health.includes(project.health)) &&
      (!f.department.length || project.departments.some((d) => f.department.includes(d)))
    );
  }

  private query(stage: Stage, page: number): ProjectListQuery {
    const f = this.filters();
    // Most recently moved first: a card just moved shows at the top of its new column.
    return { ...f, stage: [stage], status: ['active'], sort: '-stageEnteredAt', page, pageSize: BOARD_PAGE_SIZE };
  }

  private patchColumn(stage: Stage, patch: Partial<ColumnState>): void {
    this.state.update((state) => ({ ...state, [stage]: { ...state[stage], ...patch } }));
  }

  private async loadPage(stage: Stage, page: number, generation: number): Promise<void> {
    this.patchColumn(stage, { loading: true, error: null });
    try {
      const result = await firstValueFrom(this.api.projects(this.query(stage, page)));
      if (generation !== this.generation) return;
      const known = new Set(this.state()[stage].items.map((p) => p.id));
      const items = page === 1 ? result.items : [...this.state()[stage].items, ...result.items.filter((p) => !known.has(p.id))];
      this.patchColumn(stage, { items, total: result.total, page, loading: false });
      void this.loadNextMilestones(result.items.map((p) => p.id));
    } catch (error) {
      if (generation !== this.generation) return;
      this.patchColumn(stage, { loading: false, error: errorMessageOf(error) });
    }
  }

  // Best effort: a card shows "Aucun jalon prévu" rather than failing when this call does.
  private async loadNextMilestones(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const found = await firstValueFrom(this.api.nextMilestones(ids));
      const byProject: Record<string, NextMilestone | null> = Object.fromEntries(ids.map((id) => [id, null]));
      for (const milestone of found) byProject[milestone.projectId] = milestone;
      this.next.update((known) => ({ ...known, ...byProject }));
    } catch {
      // Cards keep their other facts.
    }
  }
}
