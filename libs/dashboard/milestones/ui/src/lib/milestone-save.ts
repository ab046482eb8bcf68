import { ElementRef, Injector, Signal, afterNextRender, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MILESTONE_STATUS_LABELS_FR, Milestone } from '@sillon/contracts';
import { placeFieldErrors } from '@sillon/dashboard/shared/util';
import { formatDateFr } from '@sillon/util';
import { MilestoneChanges, MilestoneDialogData } from './milestone-dialog-data';

// How the milestone stands now, in one French sentence (after someone else changed it).
export function describeMilestone(m: Milestone): string {
  const state = m.status === 'done' && m.completedOn ? `réalisé le ${formatDateFr(m.completedOn)}` : MILESTONE_STATUS_LABELS_FR[m.status].toLowerCase();
  return `« ${m.title} », échéance le ${formatDateFr(m.dueOn)}, ${state}${m.ownerName ? `, responsable : ${m.ownerName}` : ''}.`;
}

// The save of a milestone dialog: one submission at a time, the server's field errors beside their
// field, anything else (and a 409) in the dialog's message, which takes the focus.
export class MilestoneSave {
  readonly pending = signal(false);
  readonly error = signal<string | null>(null);
  // After a 409: the milestone as it now stands; saving again builds on its version.
  readonly conflict = signal<Milestone | null>(null);
  private version: number;

  constructor(
    private readonly data: MilestoneDialogData,
    private readonly injector: Injector,
    private readonly message: Signal<ElementRef<HTMLElement> | undefined>,
  ) {
    this.version = data.milestone.version;
  }

  // The saved milestone, or null when the dialog stays open.
  async submit(form: FormGroup, changes: MilestoneChanges): Promise<Milestone | null> {
    if (this.pending()) return null;
    if (form.invalid) {
      form.markAllAsTouched();
      return null;
    }
    this.pending.set(true);
    this.error.set(null);
    const result = await this.data.save(changes, this.version);
    this.pending.set(false);
    if (result.ok) return result.value;
    this.conflict.set(result.conflict);
    if (result.conflict) {
      this.version = result.conflict.version;
      this.focusMessage();
    } else if (placeFieldErrors(form, result.fieldErrors)) {
      this.error.set(result.message);
      this.focusMessage();
    }
    return null;
  }

  private focusMessage(): void {
    afterNextRender(() => this.message()?.nativeElement.focus(), { injector: this.injector });
  }
}
