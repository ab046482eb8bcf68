import { ComponentType } from '@angular/cdk/portal';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CreateMilestoneRequest,
  MILESTONE_KIND_LABELS_FR,
  MILESTONE_KINDS,
  MILESTONE_KINDS_WITH_PARTICIPANTS,
  MILESTONE_STATUS_LABELS_FR,
  Milestone,
  MilestoneKind,
  STAGE_LABELS_FR,
} from '@sillon/contracts';
import { ProjectDetailStore, SubmissionKeys } from '@sillon/dashboard/projects/data-access';
import {
  MilestoneStatusChange,
  MilestoneStatusDialog,
  milestoneStatusChanged,
  MilestoneCompleteDialog,
  MilestoneDialogData,
  MilestoneEditDialog,
} from '@sillon/dashboard/milestones/ui';
import { todayInParis } from '@sillon/util';

type Outcome = 'done' | 'planned';

@Component({
  selector: 'sil-milestone-timeline',
  imports: [DatePipe, ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatInput, MatSelect, MatOption, MatRadioGroup, MatRadioButton],
  templateUrl: './milestone-timeline.html',
  styleUrl: './milestone-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneTimeline {
  protected readonly store = inject(ProjectDetailStore);
  private readonly injector = inject(Injector);
  private readonly keys = new SubmissionKeys();
  private readonly dialog = inject(MatDialog);

  readonly canEdit = input(false);

  private readonly titleInput = viewChild<ElementRef<HTMLInputElement>>('titleInput');
  private readonly errorBox = viewChild<ElementRef<HTMLElement>>('errorBox');
  private readonly said = viewChild<ElementRef<HTMLElement>>('said');

  protected readonly kinds = MILESTONE_KINDS.map((value) => ({ value, label: MILESTONE_KIND_LABELS_FR[value] }));
  protected readonly kindLabels = MILESTONE_KIND_LABELS_FR;
  protected readonly statusLabels = MILESTONE_STATUS_LABELS_FR;
  protected readonly stageLabels = STAGE_LABELS_FR;
  protected readonly milestones = this.store.sortedMilestones;
  protected readonly section = this.store.milestones;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly announcement = signal('');
  protected readonly today = todayInParis();

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    kind: ['workshop' as MilestoneKind, Validators.required],
    date: [this.today, Validators.required],
    participants: [null as number | null, [Validators.min(0), Validators.max(1_000_000)]],
    outcome: ['done' as Outcome],
  });
  private readonly kind = signal<MilestoneKind>('workshop');
  protected readonly withParticipants = computed(() => MILESTONE_KINDS_WITH_PARTICIPANTS.includes(this.kind()));

  constructor() {
    this.form.controls.kind.valueChanges.subscribe((kind) => this.kind.set(kind));
  }

  protected async log(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateMilestoneRequest = {
      title: value.title.trim(),
      kind: value.kind,
      dueOn: value.date,
      status: value.outcome,
      ...(value.outcome === 'done' ? { completedOn: value.date } : {}),
      ...(this.withParticipants() && value.participants !== null ? { participantCount: value.participants } : {}),
    };
    this.pending.set(true);
    this.error.set(null);
    const result = await this.store.logMilestone(request, this.keys.keyFor(request));
    this.pending.set(false);
    if (result.ok) {
      this.keys.done();
      this.announcement.set(`Jalon « ${request.title} » consigné.`);
      this.form.reset({ title: '', kind: value.kind, date: this.today, participants: null, outcome: 'done' });
      afterNextRender(() => this.titleInput()?.nativeElement.focus(), { injector: this.injector });
      return;
    }
    const fieldFor: Record<string, string> = { title: 'title', kind: 'kind', dueOn: 'date', completedOn: 'date', participantCount: 'participants', status: 'outcome' };
    let unplaced = Object.keys(result.fieldErrors).length === 0;
    for (const [field, message] of Object.entries(result.fieldErrors)) {
      const control = fieldFor[field] ? this.form.get(fieldFor[field]) : null;
      if (control) {
        control.setErrors({ server: message });
        control.markAsTouched();
      } else {
        unplaced = true;
      }
    }
    if (unplaced) {
      this.error.set(result.message);
      afterNextRender(() => this.errorBox()?.nativeElement.focus(), { injector: this.injector });
    }
  }

  protected edit(milestone: Milestone): void {
    this.open(MilestoneEditDialog, milestone, (saved) => `Jalon « ${saved.title} » enregistré.`);
  }

  protected complete(milestone: Milestone): void {
    this.open(MilestoneCompleteDialog, milestone, (saved) => `Jalon « ${saved.title} » marqué comme réalisé.`);
  }

  protected changeStatus(milestone: Milestone, change: MilestoneStatusChange): void {
    this.open(MilestoneStatusDialog, milestone, (saved) => milestoneStatusChanged(change, saved), { change });
  }

  private open(component: ComponentType<unknown>, milestone: Milestone, said: (saved: Milestone) => string, extra: object = {}): void {
    const data: MilestoneDialogData = {
      ...extra,
      milestone,
      owners: this.store.owners(),
      save: (changes, version) => this.store.updateMilestone(milestone.id, changes, version),
    };
    this.dialog
      .open<unknown, MilestoneDialogData, Milestone>(component, { data, width: '600px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.announcement.set(said(saved));
        // Its buttons change with its status: the focus goes to what was said.
        afterNextRender(() => this.said()?.nativeElement.focus(), { injector: this.injector });
      });
  }

  protected serverError(name: string): string | null {
    return (this.form.get(name)?.getError('server') as string | undefined) ?? null;
  }
}
