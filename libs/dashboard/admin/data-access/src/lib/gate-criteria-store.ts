import { Injectable, computed, inject, signal } from '@angular/core';
import { GateCriterion, STAGES, Stage } from '@sillon/contracts';
import { firstValueFrom } from 'rxjs';
import { AdminApi } from './admin-api';
import { WriteResult, errorMessageOf, write } from '@sillon/dashboard/shared/util';

// A line of a checklist being edited: an existing criterion keeps its id.
export interface CriterionDraft {
  id?: string;
  label: string;
}

// The checklists a lab's projects must meet to leave each stage.
@Injectable()
export class GateCriteriaStore {
  private readonly api = inject(AdminApi);
  private labId = '';

  readonly criteria = signal<GateCriterion[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  readonly byStage = computed(() => {
    const groups = Object.fromEntries(STAGES.map((stage) => [stage, [] as GateCriterion[]])) as Record<Stage, GateCriterion[]>;
    for (const criterion of this.criteria()) groups[criterion.stage].push(criterion);
    for (const stage of STAGES) groups[stage].sort((a, b) => a.position - b.position);
    return groups;
  });

  async load(labId: string): Promise<void> {
    this.labId = labId;
    this.loading.set(true);
    try {
      this.criteria.set(await firstValueFrom(this.api.gateCriteria(labId)));
      this.error.set(null);
    } catch (error: unknown) {
      this.error.set(errorMessageOf(error));
    } finally {
      this.loading.set(false);
      this.loaded.set(true);
    }
  }

  // Replaces the checklist of one stage, in the order given; field errors name the line (`criteria.2`).
  async save(stage: Stage, drafts: CriterionDraft[]): Promise<WriteResult<GateCriterion[]>> {
    const criteria = drafts.map((draft) => ({ ...(draft.id ? { id: draft.id } : {}), label: draft.label.trim() }));
    const result = await write(this.api.replaceGateCriteria(this.labId, stage, { criteria }));
    if (result.ok) this.criteria.update((all) => [...all.filter((c) => c.stage !== stage), ...result.value]);
    return result;
  }
}
