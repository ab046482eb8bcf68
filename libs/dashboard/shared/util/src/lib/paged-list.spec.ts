import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Page } from '@sillon/contracts';
import { Subject } from 'rxjs';
import { pagedList } from './paged-list';

interface Query {
  q?: string;
  page: number;
}

function setup() {
  const calls: { query: Query; answer: Subject<Page<string>> }[] = [];
  const list = TestBed.runInInjectionContext(() =>
    pagedList<Query, string>(
      (query) => {
        const answer = new Subject<Page<string>>();
        calls.push({ query, answer });
        return answer;
      },
      { page: 1 },
    ),
  );
  const answer = (index: number, items: string[], total = items.length) => {
    calls[index].answer.next({ items, total, page: calls[index].query.page, pageSize: 50 });
    calls[index].answer.complete();
  };
  return { list, calls, answer };
}

describe('pagedList', () => {
  it('shows the page answered for the query, and says when nothing matched', () => {
    const { list, calls, answer } = setup();
    expect(list.loaded()).toBe(false);
    expect(list.empty()).toBe(false);

    list.load({ q: 'tiers', page: 2 });
    expect(list.loading()).toBe(true);
    expect(list.query()).toEqual({ q: 'tiers', page: 2 });
    expect(calls[0].query).toEqual({ q: 'tiers', page: 2 });
    answer(0, ['Tiers-lieu'], 51);
    expect(list.loading()).toBe(false);
    expect(list.items()).toEqual(['Tiers-lieu']);
    expect(list.total()).toBe(51);
    expect(list.empty()).toBe(false);

    list.reload();
    expect(calls[1].query).toEqual({ q: 'tiers', page: 2 });
    answer(1, []);
    expect(list.empty()).toBe(true);
  });

  it('drops the answer to an older query', () => {
    const { list, answer } = setup();
    list.load({ q: 'a', page: 1 });
    list.load({ q: 'ab', page: 1 });
    answer(0, ['old']);
    expect(list.items()).toEqual([]);
    answer(1, ['new']);
    expect(list.items()).toEqual(['new']);
  });

  it('keeps the page shown and says why when a load fails', () => {
    const { list, calls, answer } = setup();
    list.load({ page: 1 });
    answer(0, ['kept']);
    list.load({ page: 2 });
    calls[1].answer.error(new HttpErrorResponse({ status: 0 }));
    expect(list.error()).toMatch(/serveur ne répond pas/);
    expect(list.items()).toEqual(['kept']);
    expect(list.loading()).toBe(false);
    expect(list.empty()).toBe(false);

    list.reload();
    answer(2, ['back']);
    expect(list.error()).toBeNull();
  });

  it('changes rows in place', () => {
    const { list, answer } = setup();
    list.load({ page: 1 });
    answer(0, ['a', 'b']);
    list.patch((items) => items.map((item) => (item === 'b' ? 'B' : item)));
    expect(list.items()).toEqual(['a', 'B']);
  });
});
