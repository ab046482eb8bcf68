import { Injectable, computed, inject, signal } from '@angular/core';
import { AuditEvent, User } from '@sillon/contracts';
import { pagedList } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';
import { AuditApi } from './audit-api';
import { JournalFilters, journalQuery, NO_JOURNAL_FILTERS } from './journal-query';

// The Journal page: a page of the lab's trail for the filters, and the lab's people to filter by.
@Injectable()
export class JournalStore {
  private readonly api = inject(AuditApi);
  private readonly list = pagedList<JournalFilters, AuditEvent>((filters) => this.api.events(journalQuery(filters)), NO_JOURNAL_FILTERS);

  readonly filters = this.list.query;
  readonly events = this.list.items;
  readonly total = this.list.total;
  readonly loading = this.list.loading;
  readonly loaded = this.list.loaded;
  readonly error = this.list.error;
  readonly people = signal<User[]>([]);
  // Display names by user id, for the "who" of each event.
  readonly names = computed(() => new Map(this.people().map((u) => [u.id, u.displayName])));

  load(filters: JournalFilters): void {
    this.list.load(filters);
  }

  // Best effort: the journal reads without the person filter's names.
  async loadPeople(): Promise<void> {
    try {
      this.people.set((await firstValueFrom(this.api.people())).items);
    } catch {
      this.people.set([]);
    }
  }
}
