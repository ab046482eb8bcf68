import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CreateUserRequest, DEFAULT_PAGE_SIZE, Page, UpdateUserRequest, User, UserListQuery } from '@sillon/contracts';
import { Subject, catchError, map, of, switchMap } from 'rxjs';
import { AdminApi } from './admin-api';
import { WriteResult, errorMessageOf, write } from './write-result';

export type UserChanges = Omit<UpdateUserRequest, 'version'>;

type Answer = { page: Page<User> } | { error: string };

export const DEFAULT_USER_QUERY: UserListQuery = { sort: 'displayName', page: 1, pageSize: DEFAULT_PAGE_SIZE };

// The accounts table: filters, the page shown, and the writes an admin makes from it.
@Injectable()
export class UserAdminStore {
  private readonly api = inject(AdminApi);
  private readonly requests = new Subject<UserListQuery>();

  readonly query = signal<UserListQuery>(DEFAULT_USER_QUERY);
  readonly items = signal<User[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  readonly filtered = computed(() => {
    const { role, labId, active, q } = this.query();
    return role !== undefined || labId !== undefined || active !== undefined || !!q;
  });
  readonly pageIndex = computed(() => (this.query().page ?? 1) - 1);
  readonly pageSize = computed(() => this.query().pageSize ?? DEFAULT_PAGE_SIZE);

  constructor() {
    // The latest filters win: an answer to older ones is dropped.
    this.requests
      .pipe(
        switchMap((query) =>
          this.api.users(query).pipe(
            map((page): Answer => ({ page })),
            catchError((error: unknown) => of<Answer>({ error: errorMessageOf(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((answer) => {
        this.loading.set(false);
        this.loaded.set(true);
        if ('error' in answer) {
          this.error.set(answer.error);
          return;
        }
        this.error.set(null);
        this.items.set(answer.page.items);
        this.total.set(answer.page.total);
      });
  }

  // Changing a filter goes back to the first page.
  filter(changes: Partial<UserListQuery>): void {
    this.query.update((query) => ({ ...query, page: 1, ...changes }));
    this.reload();
  }

  clearFilters(): void {
    this.query.update((query) => ({ ...DEFAULT_USER_QUERY, sort: query.sort, pageSize: query.pageSize }));
    this.reload();
  }

  reload(): void {
    this.loading.set(true);
    this.requests.next(this.query());
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
    if (fresh) this.items.update((items) => items.map((item) => (item.id === fresh.id ? fresh : item)));
    // A list answer still on its way (a search typed just before) predates the write: ask again.
    if (result.ok) this.reload();
    return result;
  }

  setActive(user: User, active: boolean): Promise<WriteResult<User>> {
    return this.update(user, { active });
  }
}
