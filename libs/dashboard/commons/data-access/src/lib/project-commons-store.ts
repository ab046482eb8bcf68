import { Injectable, inject, signal } from '@angular/core';
import { CreateCommonRequest, ProjectCommon, UpdateCommonRequest } from '@sillon/contracts';
import { WriteResult, errorMessageOf, write } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';
import { CommonsApi } from './commons-api';

// The commons of the project on screen: the list, or why it could not be read, and its writes.
@Injectable()
export class ProjectCommonsStore {
  private readonly api = inject(CommonsApi);
  private projectId = '';

  readonly commons = signal<ProjectCommon[] | null>(null);
  readonly error = signal<string | null>(null);

  async load(projectId: string): Promise<void> {
    this.projectId = projectId;
    this.commons.set(null);
    this.error.set(null);
    try {
      this.commons.set(await firstValueFrom(this.api.forProject(projectId)));
    } catch (error: unknown) {
      this.error.set(errorMessageOf(error));
    }
  }

  async add(request: CreateCommonRequest): Promise<WriteResult<ProjectCommon>> {
    const result = await write(this.api.create(this.projectId, request));
    if (result.ok) this.commons.update((list) => [...(list ?? []), result.value]);
    return result;
  }

  // On a stale version `conflict` is the commons as saved now, and the list shows it.
  async update(id: string, request: UpdateCommonRequest): Promise<WriteResult<ProjectCommon>> {
    const result = await write(this.api.update(id, request));
    const fresh = result.ok ? result.value : result.conflict;
    if (fresh) this.commons.update((list) => (list ?? []).map((c) => (c.id === fresh.id ? fresh : c)));
    return result;
  }

  async remove(common: ProjectCommon): Promise<WriteResult<void>> {
    const result = await write(this.api.remove(common.id));
    if (result.ok) this.commons.update((list) => (list ?? []).filter((c) => c.id !== common.id));
    return result;
  }
}
