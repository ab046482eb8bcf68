import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, MatPaginatorIntl, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AUDIT_ENTITY_LABELS_FR, AUDIT_ENTITY_TYPES } from '@sillon/contracts';
import { JournalFilters, journalFiltersFromParams, journalFiltersToParams, JournalStore } from '@sillon/dashboard/audit/data-access';
import { FrenchPaginatorIntl } from '@sillon/dashboard/shared/ui';
import { journalRow } from './journal-rows';

// The lab's journal: every write of the lab, newest first, filtered by person, kind of record and days.
// Filters and page live in the URL.
@Component({
  selector: 'sil-journal',
  imports: [DatePipe, RouterLink, MatFormField, MatLabel, MatInput, MatSelect, MatOption, MatButton, MatPaginator, MatProgressBar],
  templateUrl: './journal.html',
  styleUrl: './journal.scss',
  providers: [JournalStore, { provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Journal {
  protected readonly store = inject(JournalStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  private readonly params = toSignal(this.route.queryParams, { requireSync: true });
  protected readonly filters = computed(() => journalFiltersFromParams(this.params()));
  protected readonly kinds = AUDIT_ENTITY_TYPES.map((value) => ({ value, label: AUDIT_ENTITY_LABELS_FR[value] }));
  protected readonly rows = computed(() => {
    const names = this.store.names();
    return this.store.events().map((event) => journalRow(event, names));
  });
  protected readonly filtered = computed(() => {
    const f = this.filters();
    return !!(f.actor || f.entity || f.from || f.to);
  });
  protected readonly summary = computed(() => {
    if (!this.store.loaded()) return 'Chargement du journal…';
    const total = this.store.total();
    const count = total === 0 ? 'Aucun évènement' : total === 1 ? '1 évènement' : `${new Intl.NumberFormat('fr-FR').format(total)} évènements`;
    return this.filtered() ? `${count} correspondant aux filtres` : count;
  });

  constructor() {
    void this.store.loadPeople();
    effect(() => {
      const filters = this.filters();
      untracked(() => this.store.load(filters));
    });
  }

  protected setFilter(changes: Partial<JournalFilters>): void {
    this.navigate({ ...this.filters(), ...changes, page: 1 });
  }

  protected clearFilters(): void {
    this.navigate({ ...this.filters(), actor: null, entity: null, from: null, to: null, page: 1 });
  }

  protected page(event: PageEvent): void {
    this.navigate({ ...this.filters(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private navigate(filters: JournalFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: journalFiltersToParams(filters) });
  }
}
