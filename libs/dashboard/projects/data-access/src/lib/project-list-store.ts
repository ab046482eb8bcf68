import { Injectable, computed, inject, signal } from '@angular/core';
import { CreateProjectRequest, DEFAULT_PAGE_SIZE, Lab, Project, ProjectListItem, ProjectListQuery, User } from '@sillon/contracts';
import { WriteResult, pagedList, write } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';
import { ProjectsApi } from './projects-api';

// The Projets table: the query the URL holds, the page the API answered for it.
@Injectable()
export class ProjectListStore {
  private readonly api = inject(ProjectsApi);
  private readonly list = pagedList<ProjectListQuery, ProjectListItem>((query) => this.api.list(query), {});

  readonly query = this.list.query;
  readonly loading = this.list.loading;
  readonly error = this.list.error;
  readonly items = this.list.items;
  readonly total = this.list.total;
  // Nothing answered yet: the first load shows a placeholder instead of "no project".
  readonly loaded = this.list.loaded;
  readonly empty = this.list.empty;
  readonly leads = signal<User[]>([]);
  readonly labs = signal<Lab[]>([]);

  readonly pageIndex = computed(() => (this.query().page ?? 1) - 1);
  readonly pageSize = computed(() => this.query().pageSize ?? DEFAULT_PAGE_SIZE);

  load(query: ProjectListQuery): void {
    this.list.load(query);
  }

  reload(): void {
    this.list.reload();
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

  create(request: CreateProjectRequest): Promise<WriteResult<Project>> {
    return write(this.api.create(request));
  }
}
