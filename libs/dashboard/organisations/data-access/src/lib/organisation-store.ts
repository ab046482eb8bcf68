import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CreateOrganisationRequest, DEFAULT_PAGE_SIZE, Organisation, OrganisationListQuery, Problem, UpdateOrganisationRequest } from '@sillon/contracts';
import { Subject, catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import { OrganisationsApi } from './organisations-api';

export type OrganisationWriteResult =
  | { ok: true; organisation: Organisation }
  | { ok: false; message: string; fieldErrors: Record<string, string>; current?: Organisation };

function problemOf(error: unknown): Problem | null {
  return error instanceof HttpErrorResponse && error.error && typeof error.error === 'object' ? (error.error as Problem) : null;
}

function messageOf(error: unknown): string {
  const problem = problemOf(error);
  if (problem?.detail || problem?.title) return (problem.detail || problem.title) as string;
  if (error instanceof HttpErrorResponse && error.status === 0) return 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
  return "L'opération a échoué. Réessayez dans quelques instants.";
}

type Answer = { ok: true; items: Organisation[]; total: number } | { ok: false; message: string };

// The Organisations page: the list for a query, and the writes of a lab manager.
@Injectable()
export class OrganisationStore {
  private readonly api = inject(OrganisationsApi);
  private readonly queries = new Subject<OrganisationListQuery>();

  readonly query = signal<OrganisationListQuery>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  readonly items = signal<Organisation[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  constructor() {
    this.queries
      .pipe(
        switchMap((query) =>
          this.api.list(query).pipe(
            map((page): Answer => ({ ok: true, items: page.items, total: page.total })),
            catchError((error: unknown) => of<Answer>({ ok: false, message: messageOf(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((answer) => {
        this.loading.set(false);
        this.loaded.set(true);
        if (answer.ok) {
          this.items.set(answer.items);
          this.total.set(answer.total);
          this.error.set(null);
        } else {
          this.error.set(answer.message);
        }
      });
  }

  load(query: OrganisationListQuery): void {
    this.query.set(query);
    this.loading.set(true);
    this.queries.next(query);
  }

  reload(): void {
    this.load(this.query());
  }

  async create(request: CreateOrganisationRequest): Promise<OrganisationWriteResult> {
    return this.write(() => firstValueFrom(this.api.create(request)));
  }

  async update(id: string, request: UpdateOrganisationRequest): Promise<OrganisationWriteResult> {
    return this.write(() => firstValueFrom(this.api.update(id, request)));
  }

  private async write(call: () => Promise<Organisation>): Promise<OrganisationWriteResult> {
    try {
      const organisation = await call();
      this.reload();
      return { ok: true, organisation };
    } catch (error: unknown) {
      const problem = problemOf(error);
      const fieldErrors: Record<string, string> = {};
      for (const item of problem?.errors ?? []) fieldErrors[item.field.split('.')[0]] ??= item.message;
      const current = error instanceof HttpErrorResponse && error.status === 409 ? (problem?.current as Organisation | undefined) : undefined;
      return { ok: false, message: messageOf(error), fieldErrors, current };
    }
  }
}
