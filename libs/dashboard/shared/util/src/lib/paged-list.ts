import { DestroyRef, Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Page } from '@sillon/contracts';
import { Observable, Subject, catchError, map, of, switchMap } from 'rxjs';
import { errorMessageOf } from './problem';

type Answer<T> = { ok: true; items: T[]; total: number } | { ok: false; message: string };

// One paged list of the API and the query it was asked for; the page shown stays until the next answers.
export interface PagedList<Q, T> {
  readonly query: Signal<Q>;
  readonly items: Signal<T[]>;
  readonly total: Signal<number>;
  readonly loading: Signal<boolean>;
  // Something answered: before that a page shows a placeholder, not "nothing found".
  readonly loaded: Signal<boolean>;
  readonly error: Signal<string | null>;
  readonly empty: Signal<boolean>;
  load(query: Q): void;
  reload(): void;
  // Changes a row in place (a record saved from a dialog), without asking the API again.
  patch(change: (items: T[]) => T[]): void;
}

// Call in an injection context (a store's field): the list stops listening when its store is destroyed.
// A newer query cancels the answer to an older one, so a list never shows a stale filter.
export function pagedList<Q, T>(fetch: (query: Q) => Observable<Page<T>>, initial: Q): PagedList<Q, T> {
  const queries = new Subject<Q>();
  const query = signal(initial);
  const items = signal<T[]>([]);
  const total = signal(0);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<string | null>(null);

  queries
    .pipe(
      switchMap((q) =>
        fetch(q).pipe(
          map((page): Answer<T> => ({ ok: true, items: page.items, total: page.total })),
          catchError((failure: unknown) => of<Answer<T>>({ ok: false, message: errorMessageOf(failure) })),
        ),
      ),
      takeUntilDestroyed(inject(DestroyRef)),
    )
    .subscribe((answer) => {
      loading.set(false);
      loaded.set(true);
      if (answer.ok) {
        error.set(null);
        items.set(answer.items);
        total.set(answer.total);
      } else {
        error.set(answer.message);
      }
    });

  const load = (q: Q): void => {
    query.set(q);
    loading.set(true);
    queries.next(q);
  };

  return {
    query: query.asReadonly(),
    items: items.asReadonly(),
    total: total.asReadonly(),
    loading: loading.asReadonly(),
    loaded: loaded.asReadonly(),
    error: error.asReadonly(),
    empty: computed(() => loaded() && !error() && items().length === 0),
    load,
    reload: () => load(query()),
    patch: (change) => items.update(change),
  };
}
