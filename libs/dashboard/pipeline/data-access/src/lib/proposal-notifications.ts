import { Injectable, computed, inject, signal } from '@angular/core';
import { ProposalListQuery, Role } from '@sillon/contracts';
import { firstValueFrom } from 'rxjs';
import { ProposalsApi } from './proposals-api';

// How often the shell asks again while a page stays open.
export const NOTIFICATION_INTERVAL_MS = 60_000;

// What waits for the signed-in person: proposals to decide (a lab manager), decisions to read (the lead
// who proposed). The shell shows the count; the board refreshes it after each action.
@Injectable({ providedIn: 'root' })
export class ProposalNotifications {
  private readonly api = inject(ProposalsApi);
  private readonly role = signal<Role | null>(null);
  private timer: ReturnType<typeof setInterval> | undefined;
  private asked = 0;

  readonly count = signal(0);
  readonly watching = computed(() => this.role() === 'lab_manager' || this.role() === 'project_lead');
  readonly label = computed(() => `Propositions (${this.count()})`);
  readonly description = computed(() => {
    const n = this.count();
    if (this.role() === 'lab_manager') return n > 1 ? `${n} propositions de passage attendent votre décision` : `${n} proposition de passage attend votre décision`;
    return n > 1 ? `${n} de vos propositions ont été décidées` : `${n} de vos propositions a été décidée`;
  });

  // Starts (or stops, for a role with nothing to watch) asking for the count.
  watch(role: Role | null): void {
    this.role.set(role);
    clearInterval(this.timer);
    this.timer = undefined;
    this.count.set(0);
    if (!this.watching()) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), NOTIFICATION_INTERVAL_MS);
  }

  stop(): void {
    this.watch(null);
  }

  async refresh(): Promise<void> {
    const role = this.role();
    if (role !== 'lab_manager' && role !== 'project_lead') return;
    const query: ProposalListQuery = role === 'lab_manager' ? { status: 'pending', pageSize: 1 } : { unseen: true, pageSize: 1 };
    const asked = ++this.asked;
    try {
      const page = await firstValueFrom(this.api.list(query));
      if (asked === this.asked && this.role() === role) this.count.set(page.total);
    } catch {
      // A notification count is best effort: the last one stays until the next answer.
    }
  }
}
