import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { AuditEvent, Problem, User } from '@sillon/contracts';
import { firstValueFrom } from 'rxjs';
import { AuditApi } from './audit-api';
import { JournalFilters, journalQuery, NO_JOURNAL_FILTERS } from './journal-query';

function messageOf(error: unknown): string {
  const problem = error instanceof HttpErrorResponse && error.error && typeof error.error === 'object' ? (error.error as Problem) : null;
  const field = problem?.errors?.[0]?.message;
  if (field) return field;
  if (problem?.detail || problem?.title) return (problem.detail || problem.title) as string;
  if (error instanceof HttpErrorResponse && error.status === 0) return 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
  return "Le journal n'a pas pu être chargé. Réessayez dans quelques instants.";
}

// The Journal page: a page of the lab's trail for the filters, and the lab's people to filter by.
@Injectable()
export class JournalStore {
  private readonly api = inject(AuditApi);
  private asked = 0;

  readonly filters = signal<JournalFilters>(NO_JOURNAL_FILTERS);
  readonly events = signal<AuditEvent[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);
  readonly people = signal<User[]>([]);
  // Display names by user id, for the "who" of each event.
  readonly names = computed(() => new Map(this.people().map((u) => [u.id, u.displayName])));

  async load(filters: JournalFilters): Promise<void> {
    this.filters.set(filters);
    const asked = ++this.asked;
    this.loading.set(true);
    try {
      const page = await firstValueFrom(this.api.events(journalQuery(filters)));
      if (asked !== this.asked) return;
      this.events.set(page.items);
      this.total.set(page.total);
      this.error.set(null);
    } catch (error: unknown) {
      if (asked !== this.asked) return;
      this.events.set([]);
      this.total.set(0);
      this.error.set(messageOf(error));
    }
    this.loading.set(false);
    this.loaded.set(true);
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
