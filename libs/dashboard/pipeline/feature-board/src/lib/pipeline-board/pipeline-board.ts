import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { HEALTH_LABELS_FR, HEALTHS, ProjectListItem, Stage, STAGE_LABELS_FR, THEME_LABELS_FR, THEMES } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { activeFilterCount, BoardFilters, filtersFromParams, filtersToParams, PipelineStore, ProposalsStore } from '@sillon/dashboard/pipeline/data-access';
import { MoveMenu, ProjectCard } from '@sillon/dashboard/pipeline/ui';
import { DepartmentNamePipe } from '@sillon/dashboard/shared/ui';
import type { GateDialogData, GateOutcome } from '../gate-dialog/gate-dialog';
import { ProposalsPanel } from '../proposals-panel/proposals-panel';

// Cards drawn per column as soon as the columns are in (more than a screenful), then more per frame until
// every loaded card is there: the board shows in the time of its first screen, not of its 250 cards,
// and no single task blocks the page for long (see README, "Benchmark").
const FIRST_CARDS = 6;
const MORE_CARDS_PER_FRAME = 6;

// The Pipeline board: one column per stage of the active projects; a card moves by drag and drop or from
// its menu, always through the gate dialog. Filters live in the URL so a filtered board can be shared.
@Component({
  selector: 'sil-pipeline-board',
  imports: [CdkDropListGroup, CdkDropList, CdkDrag, MatButtonModule, MatFormFieldModule, MatSelectModule, MoveMenu, ProjectCard, ProposalsPanel, DepartmentNamePipe],
  templateUrl: './pipeline-board.html',
  styleUrl: './pipeline-board.scss',
  providers: [PipelineStore, ProposalsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineBoard {
  protected readonly store = inject(PipelineStore);
  protected readonly proposals = inject(ProposalsStore);
  private readonly session = inject(SessionStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly themes = THEMES.map((value) => ({ value, label: THEME_LABELS_FR[value] }));
  protected readonly healths = HEALTHS.map((value) => ({ value, label: HEALTH_LABELS_FR[value] }));
  private readonly queryParams = toSignal(this.route.queryParams, { requireSync: true });
  protected readonly filters = computed(() => filtersFromParams(this.queryParams()));
  protected readonly filterCount = computed(() => activeFilterCount(this.filters()));
  protected readonly readOnly = computed(() => this.session.role() === 'regional_director' || this.session.role() === 'national');
  protected readonly isManager = computed(() => this.session.role() === 'lab_manager');
  protected readonly isNational = computed(() => this.session.role() === 'national');
  protected readonly isLead = computed(() => this.session.role() === 'project_lead');
  // How many of each column's loaded cards are drawn (see FIRST_CARDS).
  protected readonly shown = signal(FIRST_CARDS);
  private revealing = 0;
  protected readonly summary = computed(() => {
    const total = this.store.total();
    return `${total} projet${total > 1 ? 's' : ''} actif${total > 1 ? 's' : ''}${this.filterCount() ? ' correspondant aux filtres' : ''}`;
  });

  constructor() {
    this.store.viewer.set(this.session.me());
    if (this.isManager() || this.isLead()) {
      // Arriving from the shell's "Propositions" link: the panel is where the eye goes.
      void this.proposals.load(this.session.role()).then(() => {
        if (this.route.snapshot.fragment === 'propositions') setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('#propositions-titre')?.focus());
      });
    }
    inject(DestroyRef).onDestroy(() => this.revealing++);
    let facetsAsked = false;
    effect(() => {
      const filters = this.filters();
      untracked(() => {
        const columns = this.store.load(filters);
        this.revealAfter(columns);
        // The filter choices (a costly summary of the lab) wait for the columns: the board comes first.
        if (!facetsAsked) {
          facetsAsked = true;
          void columns.finally(() => this.store.loadFacets());
        }
      });
    });
  }

  // The first cards of every column, then the others a few per column and per frame, each step after
  // the previous one was painted; a new load starts again from the first cards.
  private revealAfter(loaded: Promise<void>): void {
    const run = ++this.revealing;
    this.shown.set(FIRST_CARDS);
    const afterPaint = (step: () => void) => requestAnimationFrame(() => setTimeout(step));
    const step = () => {
      if (run !== this.revealing) return;
      const longest = Math.max(0, ...this.store.columns().map((c) => c.items.length));
      if (this.shown() + MORE_CARDS_PER_FRAME >= longest) {
        // Every card from now on, including those "Voir plus" brings.
        this.shown.set(Number.POSITIVE_INFINITY);
        return;
      }
      this.shown.update((n) => n + MORE_CARDS_PER_FRAME);
      afterPaint(step);
    };
    void loaded.then(() => afterPaint(step));
  }

  protected setFilter(key: keyof BoardFilters, values: string[]): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: filtersToParams({ ...this.filters(), [key]: values }), replaceUrl: true });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {}, replaceUrl: true });
  }

  // Only columns the viewer may move this card to light up while dragging.
  protected readonly canEnter = (drag: CdkDrag<ProjectListItem>, drop: CdkDropList<Stage>): boolean => this.store.targets(drag.data).includes(drop.data);

  protected dropped(event: CdkDragDrop<Stage, Stage, ProjectListItem>): void {
    if (event.previousContainer === event.container) return;
    void this.openGate(event.item.data, event.container.data);
  }

  // The dialog (its forms, checkboxes and inputs) is loaded when a move starts, not with the board.
  protected async openGate(project: ProjectListItem, to: Stage): Promise<void> {
    const [{ GateDialog }, { MatDialog }] = await Promise.all([import('../gate-dialog/gate-dialog'), import('@angular/material/dialog')]);
    const data: GateDialogData = { project, to, isManager: this.session.role() === 'lab_manager' };
    const ref = this.injector.get(MatDialog).open<InstanceType<typeof GateDialog>, GateDialogData, GateOutcome>(GateDialog, {
      data,
      injector: this.injector,
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    });
    ref.afterClosed().subscribe((outcome) => {
      if (!outcome) return;
      if (outcome.kind === 'proposed') {
        void this.announcer.announce(
          `Proposition envoyée : ${project.name} en ${STAGE_LABELS_FR[outcome.proposal.toStage]}, en attente de la décision de la ou du responsable du lab.`,
        );
        return;
      }
      const result = outcome.result;
      this.store.applyTransition(result);
      void this.announcer.announce(`${result.project.name} est passé en ${STAGE_LABELS_FR[result.project.stage]}.`);
      // The card now lives in another column: focus follows it there.
      setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`#carte-${result.project.id} a`)?.focus());
    });
  }
}
