import { Injectable, inject } from '@angular/core';
import { CreateOrganisationRequest, DEFAULT_PAGE_SIZE, Organisation, OrganisationListQuery, UpdateOrganisationRequest } from '@sillon/contracts';
import { WriteResult, pagedList, write } from '@sillon/dashboard/shared/util';
import { OrganisationsApi } from './organisations-api';

// The Organisations page: the list for a query, and the writes of a lab manager.
@Injectable()
export class OrganisationStore {
  private readonly api = inject(OrganisationsApi);
  private readonly list = pagedList<OrganisationListQuery, Organisation>((query) => this.api.list(query), { page: 1, pageSize: DEFAULT_PAGE_SIZE });

  readonly query = this.list.query;
  readonly items = this.list.items;
  readonly total = this.list.total;
  readonly loading = this.list.loading;
  readonly loaded = this.list.loaded;
  readonly error = this.list.error;

  load(query: OrganisationListQuery): void {
    this.list.load(query);
  }

  reload(): void {
    this.list.reload();
  }

  create(request: CreateOrganisationRequest): Promise<WriteResult<Organisation>> {
    return this.write(write(this.api.create(request)));
  }

  update(id: string, request: UpdateOrganisationRequest): Promise<WriteResult<Organisation>> {
    return this.write(write(this.api.update(id, request)));
  }

  private async write(pending: Promise<WriteResult<Organisation>>): Promise<WriteResult<Organisation>> {
    const result = await pending;
    if (result.ok) this.reload();
    return result;
  }
}
