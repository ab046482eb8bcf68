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
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ACTIVITY_ACTOR_LABELS_FR, ACTIVITY_ACTOR_TYPES, ACTIVITY_KIND_LABELS_FR, ACTIVITY_KINDS, CreateActivityRequest, LabActivity } from '@sillon/contracts';
import {
  ActivityFilterKey,
  ActivityFilters,
  ActivityListStore,
  activityFiltersFromParams,
  activityParams,
  activityParamsFromFilters,
  hasActivityFilters,
} from '@sillon/dashboard/activities/data-access';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { ConfirmDialog, ConfirmDialogData, DownloadLink, FrenchPaginatorIntl } from '@sillon/dashboard/shared/ui';
import { firstValueFrom } from 'rxjs';
import { ActivityDialog, ActivityDialogData } from '../activity-dialog/activity-dialog';

@Component({
  selector: 'sil-activity-list',
  imports: [DatePipe, RouterLink, MatFormField, MatLabel, MatInput, MatSelect, MatOption, MatButton, MatPaginator, MatProgressBar, DownloadLink],
  templateUrl: './activity-list.html',
  styleUrl: './activity-list.scss',
  providers: [ActivityListStore, { provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityList {
  protected readonly store = inject(ActivityListStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly said = viewChild<ElementRef<HTMLElement>>('said');
  private readonly createButton = viewChild<ElementRef<HTMLElement>>('createButton');

  protected readonly kinds = ACTIVITY_KINDS.map((value) => ({ value, label: ACTIVITY_KIND_LABELS_FR[value] }));
  protected readonly kindLabels = ACTIVITY_KIND_LABELS_FR;
  protected readonly filters = this.store.filters;
  protected readonly filtered = computed(() => hasActivityFilters(this.filters()));
  protected readonly announcement = signal('');
  protected readonly summary = computed(() => {
    if (!this.store.loaded()) return 'Chargement des activités…';
    const total = this.store.total();
    return total === 0 ? 'Aucune activité' : total === 1 ? '1 activité' : `${new Intl.NumberFormat('fr-FR').format(total)} activités`;
  });
  // The exports carry the filters of the list, without its page.
  protected readonly exportQuery = computed(() => {
    const filters = { ...this.filters(), page: undefined, pageSize: undefined };
    const text = activityParams(filters).toString();
    return text ? `?${text}` : '';
  });

  constructor() {
    this.route.queryParams.pipe(takeUntilDestroyed()).subscribe((params) => this.store.load(activityFiltersFromParams(params)));
    const me = this.session.me();
    if (me) this.store.viewer.set({ id: me.id, role: me.role, labId: me.labId });
    void this.store.loadChoices();
  }

  protected filter(key: ActivityFilterKey, value: string | null | undefined): void {
    void this.navigate({ ...this.filters(), [key]: value?.trim() || undefined, page: undefined });
  }

  protected clear(): void {
    void this.navigate({ pageSize: this.filters().pageSize });
  }

  protected page(event: PageEvent): void {
    void this.navigate({ ...this.filters(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected count(n: number): string {
    return new Intl.NumberFormat('fr-FR').format(n);
  }

  // "Citoyens : 40, Associations : 8" — the actor types that came.
  protected breakdown(a: LabActivity): string {
    return ACTIVITY_ACTOR_TYPES.filter((type) => a.attendance[type] > 0)
      .map((type) => `${ACTIVITY_ACTOR_LABELS_FR[type]} : ${new Intl.NumberFormat('fr-FR').format(a.attendance[type])}`)
      .join(', ');
  }

  protected create(): void {
    this.open(null, (request) => this.store.create(request));
  }

  protected edit(activity: LabActivity): void {
    this.open(activity, (request, version) => this.store.update(activity, request, version ?? activity.version));
  }

  protected async remove(activity: LabActivity): Promise<void> {
    const data: ConfirmDialogData = {
      title: `Supprimer l'activité « ${activity.title} » ?`,
      message: ['L’activité, ses participants et ses liens aux projets et aux organisations seront supprimés. Le journal garde la trace de la suppression.'],
      confirm: "Supprimer l'activité",
      destructive: true,
    };
    const confirmed = await firstValueFrom(this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '480px', maxWidth: '95vw' }).afterClosed());
    if (!confirmed) return;
    const result = await this.store.remove(activity);
    this.announce(result.ok ? `Activité « ${activity.title} » supprimée.` : result.message);
  }

  private open(activity: LabActivity | null, save: ActivityDialogData['save']): void {
    const labId = activity?.labId ?? this.store.viewer()?.labId;
    const data: ActivityDialogData = {
      activity,
      projects: this.store.projects().filter((p) => p.labId === labId),
      organisations: this.store.organisations().filter((o) => o.labId === labId),
      save: (request: CreateActivityRequest, version) => save(request, version),
    };
    this.dialog
      .open<ActivityDialog, ActivityDialogData, LabActivity>(ActivityDialog, { data, width: '720px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.announce(`Activité « ${saved.title} » enregistrée : ${saved.participants} participant${saved.participants > 1 ? 's' : ''}.`);
      });
  }

  // What happened is said and takes the focus: the row may have moved or gone.
  private announce(text: string): void {
    this.announcement.set(text);
    afterNextRender(() => (this.said() ?? this.createButton())?.nativeElement.focus(), { injector: this.injector });
  }

  private navigate(filters: ActivityFilters): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams: activityParamsFromFilters(filters) });
  }
}
