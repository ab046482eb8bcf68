import { ComponentType } from '@angular/cdk/portal';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, MatPaginatorIntl, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MILESTONE_KIND_LABELS_FR, MILESTONE_STATUS_LABELS_FR, Milestone, STAGE_LABELS_FR, STAGES } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import {
  MILESTONE_VIEW_LABELS_FR,
  MILESTONE_VIEWS,
  MilestoneFilterKey,
  MilestoneFilters,
  MilestoneListStore,
  MilestoneView,
  filtersFromParams,
  hasMilestoneFilters,
  paramsFromFilters,
} from '@sillon/dashboard/milestones/data-access';
import {
  MilestoneCompleteDialog,
  MilestoneDialogData,
  MilestoneEditDialog,
  MilestoneStatusChange,
  MilestoneStatusDialog,
  milestoneStatusChanged,
} from '@sillon/dashboard/milestones/ui';
import { FrenchPaginatorIntl } from '@sillon/dashboard/shared/ui';
import { todayInParis } from '@sillon/util';

const DAY_MS = 86_400_000;

// Whole days from one calendar date to another (YYYY-MM-DD).
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

@Component({
  selector: 'sil-milestone-list',
  imports: [
    DatePipe,
    RouterLink,
    MatTabNav,
    MatTabLink,
    MatTabNavPanel,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatPaginator,
    MatProgressBar,
  ],
  templateUrl: './milestone-list.html',
  styleUrl: './milestone-list.scss',
  providers: [MilestoneListStore, { provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneList {
  protected readonly store = inject(MilestoneListStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly said = viewChild<ElementRef<HTMLElement>>('said');

  protected readonly views = MILESTONE_VIEWS.map((value) => ({ value, label: MILESTONE_VIEW_LABELS_FR[value] }));
  protected readonly stages = STAGES.map((value) => ({ value, label: STAGE_LABELS_FR[value] }));
  protected readonly kindLabels = MILESTONE_KIND_LABELS_FR;
  protected readonly stageLabels = STAGE_LABELS_FR;
  protected readonly statusLabels = MILESTONE_STATUS_LABELS_FR;
  protected readonly today = todayInParis();

  protected readonly filters = this.store.filters;
  protected readonly view = computed(() => this.filters().view);
  protected readonly viewLabel = computed(() => MILESTONE_VIEW_LABELS_FR[this.view()]);
  protected readonly filtered = computed(() => hasMilestoneFilters(this.filters()));
  protected readonly dateLabel = computed(() => (this.view() === 'done' ? 'Réalisé' : 'Échéance'));
  protected readonly announcement = signal('');
  protected readonly summary = computed(() => {
    if (!this.store.loaded()) return 'Chargement des jalons…';
    const total = this.store.total();
    const count = total === 0 ? 'Aucun jalon' : total === 1 ? '1 jalon' : `${new Intl.NumberFormat('fr-FR').format(total)} jalons`;
    return `${count} · ${this.viewLabel()}`;
  });

  constructor() {
    this.route.queryParams.pipe(takeUntilDestroyed()).subscribe((params) => this.store.load(filtersFromParams(params)));
    void this.store.loadChoices();
    const me = this.session.me();
    if (me) void this.store.loadWritable(me);
  }

  protected viewParams(view: MilestoneView): Record<string, string> {
    return paramsFromFilters({ ...this.filters(), view, page: undefined });
  }

  protected filter(key: MilestoneFilterKey, value: string | null | undefined): void {
    void this.navigate({ ...this.filters(), [key]: value || undefined, page: undefined });
  }

  protected clear(): void {
    void this.navigate({ view: this.view(), pageSize: this.filters().pageSize });
  }

  protected page(event: PageEvent): void {
    void this.navigate({ ...this.filters(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected lateness(m: Milestone): string {
    const days = daysBetween(m.dueOn, this.today);
    return days === 1 ? '1 jour de retard' : `${days} jours de retard`;
  }

  protected edit(m: Milestone): void {
    this.open(MilestoneEditDialog, m, (saved) => `Jalon « ${saved.title} » enregistré.`);
  }

  protected complete(m: Milestone): void {
    this.open(MilestoneCompleteDialog, m, (saved) => `Jalon « ${saved.title} » marqué comme réalisé.`);
  }

  protected changeStatus(m: Milestone, change: MilestoneStatusChange): void {
    this.open(MilestoneStatusDialog, m, (saved) => milestoneStatusChanged(change, saved), { change });
  }

  private open(component: ComponentType<unknown>, milestone: Milestone, said: (saved: Milestone) => string, extra: object = {}): void {
    const data: MilestoneDialogData = {
      ...extra,
      milestone,
      owners: this.store.owners().filter((o) => o.labId === milestone.labId),
      save: (changes, version) => this.store.update(milestone, changes, version),
    };
    this.dialog
      .open<unknown, MilestoneDialogData, Milestone>(component, { data, width: '600px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.announcement.set(said(saved));
        // The row may have left the view (done, rescheduled): the focus goes to what was said.
        afterNextRender(() => this.said()?.nativeElement.focus(), { injector: this.injector });
      });
  }

  private navigate(filters: MilestoneFilters): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams: paramsFromFilters(filters) });
  }
}
