import { Injectable, computed, inject, signal } from '@angular/core';
import { CreateLabRequest, Lab, Region, UpdateLabRequest } from '@sillon/contracts';
import { firstValueFrom } from 'rxjs';
import { AdminApi } from './admin-api';
import { WriteResult, errorMessageOf, write } from '@sillon/dashboard/shared/util';

export type LabChanges = Omit<UpdateLabRequest, 'version'>;

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'fr');

// Regions and labs of the deployment, as an admin manages them.
@Injectable()
export class DirectoryStore {
  private readonly api = inject(AdminApi);

  readonly labs = signal<Lab[]>([]);
  readonly regions = signal<Region[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  readonly sortedLabs = computed(() => [...this.labs()].sort(byName));
  readonly sortedRegions = computed(() => [...this.regions()].sort(byName));

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const [labs, regions] = await Promise.all([firstValueFrom(this.api.labs()), firstValueFrom(this.api.regions())]);
      this.labs.set(labs);
      this.regions.set(regions);
      this.error.set(null);
    } catch (error: unknown) {
      this.error.set(errorMessageOf(error));
    } finally {
      this.loading.set(false);
      this.loaded.set(true);
    }
  }

  async createLab(request: CreateLabRequest): Promise<WriteResult<Lab>> {
    const result = await write(this.api.createLab(request));
    if (result.ok) this.labs.update((labs) => [...labs, result.value]);
    return result;
  }

  // On a stale version the list shows the lab as it is now.
  async updateLab(lab: Lab, changes: LabChanges): Promise<WriteResult<Lab>> {
    const result = await write(this.api.updateLab(lab.id, { ...changes, version: lab.version }));
    const fresh = result.ok ? result.value : result.conflict;
    if (fresh) this.labs.update((labs) => labs.map((item) => (item.id === fresh.id ? fresh : item)));
    return result;
  }

  async createRegion(name: string): Promise<WriteResult<Region>> {
    const result = await write(this.api.createRegion({ name }));
    if (result.ok) this.regions.update((regions) => [...regions, result.value]);
    return result;
  }

  async renameRegion(region: Region, name: string): Promise<WriteResult<Region>> {
    const result = await write(this.api.updateRegion(region.id, { name }));
    if (result.ok) {
      const renamed = result.value;
      this.regions.update((regions) => regions.map((item) => (item.id === renamed.id ? renamed : item)));
      // Labs carry their region's name.
      this.labs.update((labs) => labs.map((lab) => (lab.regionId === renamed.id ? { ...lab, regionName: renamed.name } : lab)));
    }
    return result;
  }
}
