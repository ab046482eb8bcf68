import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  auditActionLabel,
  PROJECT_STATUS_LABELS_FR,
  PROJECT_STATUSES,
  ProjectStatus,
  STAGE_LABELS_FR,
  Stage,
} from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { ProjectDetailStore } from '@sillon/dashboard/projects/data-access';
import { HealthBadge, StageBadge } from '@sillon/dashboard/shared/ui';
import { changedFields } from '@sillon/dashboard/shared/util';
import { MilestoneTimeline } from '../milestone-timeline/milestone-timeline';
import { ProjectArchiveDialog, ProjectArchiveDialogData } from '../project-archive-dialog/project-archive-dialog';
import { ProjectActivities } from '../project-activities/project-activities';
import { ProjectCommons } from '../project-commons/project-commons';
import { ProjectFunding } from '../project-funding/project-funding';
import { ProjectPartners } from '../project-partners/project-partners';
import { ProjectOverview } from '../project-overview/project-overview';
import { ProjectStatusDialog, ProjectStatusDialogData } from '../project-status-dialog/project-status-dialog';
import { STATUS_REASON_LABELS, STATUS_WORDING } from '../project-status-dialog/status-wording';

@Component({
  selector: 'sil-project-detail',
  imports: [DatePipe, RouterLink, MatButton, StageBadge, HealthBadge, ProjectOverview, MilestoneTimeline, ProjectPartners, ProjectFunding, ProjectActivities, ProjectCommons],
  templateUrl: './project-detail.html',
  styleUrl: './project-detail.scss',
  providers: [ProjectDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectDetail {
  protected readonly store = inject(ProjectDetailStore);
  private readonly session = inject(SessionStore);
  private readonly title = inject(Title);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);

  // The route parameter :id.
  readonly id = input.required<string>();

  protected readonly project = this.store.project;
  protected readonly isManager = computed(() => this.session.role() === 'lab_manager');
  // Partners and funding: the lab manager, while the project is not archived.
  protected readonly canManage = computed(() => this.isManager() && !!this.project() && !this.project()?.archivedAt);
  // A regional director reads everything and changes nothing; a lead changes only what they lead.
  protected readonly canEdit = computed(() => {
    const project = this.project();
    const me = this.session.me();
    if (!project || !me || project.archivedAt) return false;
    return me.role === 'lab_manager' || (me.role === 'project_lead' && project.leadId === me.id);
  });

  // Status changes, archiving and restoring: the lab manager's decisions.
  protected readonly canDecide = computed(() => this.isManager() && !!this.project());
  protected readonly statusTargets = computed(() => PROJECT_STATUSES.filter((s) => s !== this.project()?.status));
  protected readonly wording = STATUS_WORDING;
  protected readonly reasonLabels = STATUS_REASON_LABELS;
  protected readonly announcement = signal('');
  private readonly actions = viewChild<ElementRef<HTMLElement>>('actions');

  protected readonly stageLabels = STAGE_LABELS_FR;
  protected readonly statusLabels = PROJECT_STATUS_LABELS_FR;
  protected readonly actionLabel = auditActionLabel;
  protected readonly changedFields = changedFields;

  protected readonly transitions = computed(() => [...(this.store.transitions().value ?? [])].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt)));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        void this.store.load(id, { audit: this.isManager() });
        if (this.isManager()) void this.store.loadLeads();
      });
    });
    // Who may own a milestone: the people of the project's lab, once it is known.
    effect(() => {
      const labId = this.project()?.labId;
      if (labId && this.canEdit()) untracked(() => void this.store.loadOwners(labId));
    });
    effect(() => {
      const project = this.project();
      if (project) this.title.setTitle(`${project.name} (${project.code}) · Sillon`);
    });
  }

  protected openStatus(to: ProjectStatus): void {
    const project = this.project();
    if (!project) return;
    this.dialog
      .open<ProjectStatusDialog, ProjectStatusDialogData, boolean>(ProjectStatusDialog, { data: { project, to }, width: '560px', maxWidth: '95vw', injector: this.injector })
      .afterClosed()
      .subscribe((done) => {
        if (done) this.announced(STATUS_WORDING[to].done);
      });
  }

  protected openArchive(mode: 'archive' | 'restore'): void {
    const project = this.project();
    if (!project) return;
    this.dialog
      .open<ProjectArchiveDialog, ProjectArchiveDialogData, boolean>(ProjectArchiveDialog, { data: { project, mode }, width: '520px', maxWidth: '95vw', injector: this.injector })
      .afterClosed()
      .subscribe((done) => {
        if (done) this.announced(mode === 'archive' ? 'Le projet est archivé.' : 'Le projet est restauré.');
      });
  }

  // The button that opened the dialog is gone with the old status: the focus goes to the first decision left.
  private announced(text: string): void {
    this.announcement.set(text);
    afterNextRender(() => this.actions()?.nativeElement.querySelector('button')?.focus(), { injector: this.injector });
  }

  protected stageLabel(stage: Stage | null): string {
    return stage ? STAGE_LABELS_FR[stage] : 'Création';
  }
}
