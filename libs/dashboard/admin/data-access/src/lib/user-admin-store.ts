import { Injectable, computed, inject } from '@angular/core';
import { CreateUserRequest, DEFAULT_PAGE_SIZE, UpdateUserRequest, User, UserListQuery } from '@sillon/contracts';
import { WriteResult, pagedList, write } from '@sillon/dashboard/shared/util';
import { AdminApi } from './admin-api';

export type UserChanges = Omit<UpdateUserRequest, 'version'>;

export const DEFAULT_USER_QUERY: UserListQuery = { sort: 'displayName', page: 1, pageSize: DEFAULT_PAGE_SIZE };

// The accounts table: filters, the page shown, and the writes an admin makes from it.
@Injectable()
export class UserAdminStore {
  private readonly api = inject(AdminApi);
  // The latest filters win: an answer to older ones is dropped.
  private readonly list = pagedList<UserListQuery, User>((query) => this.api.users(query), DEFAULT_USER_QUERY);

  readonly query = this.list.query;
  readonly items = this.list.items;
  readonly total = this.list.total;
  readonly loading = this.list.loading;
  readonly loaded = this.list.loaded;
  readonly error = this.list.error;

  readonly filtered = computed(() => {
    const { role, labId, active, q } = this.query();
    return role !== undefined || labId !== undefined || active !== undefined || !!q;
  });
  readonly pageIndex = computed(() => (this.query().page ?? 1) - 1);
  readonly pageSize = computed(() => this.query().pageSize ?? DEFAULT_PAGE_SIZE);

  // Changing a filter goes back to the first page.
  filter(changes: Partial<UserListQuery>): void {
    this.list.load({ ...this.query(), page: 1, ...changes });
  }

  clearFilters(): void {
    const query = this.query();
    this.list.load({ ...DEFAULT_USER_QUERY, sort: query.sort, pageSize: query.pageSize });
  }

  turnPage(page: number, pageSize: number): void {
    this.list.load({ ...this.query(), page, pageSize });
  }

  reload(): void {
    this.list.reload();
  }

  async create(request: CreateUserRequest): Promise<WriteResult<User>> {
    const result = await write(this.api.createUser(request));
    if (result.ok) this.reload();
    return result;
  }

  // On a stale version the row shows the account as it is now.
  async update(user: User, changes: UserChanges): Promise<WriteResult<User>> {
    const result = await write(this.api.updateUser(user.id, { ...changes, version: user.version }));
    const fresh = result.ok ? result.value : result.conflict;
    if (fresh) this.list.patch((items) => items.map((item) => (item.id === fresh.id ? fresh : item)));
    // A list answer still on its way (a search typed just before) predates the write: ask again.
    if (result.ok) this.reload();
    return result;
  }

  setActive(user: User, active: boolean): Promise<WriteResult<User>> {
    return this.update(user, { active });
  }
}
