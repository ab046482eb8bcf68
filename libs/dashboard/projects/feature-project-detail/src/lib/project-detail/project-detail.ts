import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { PROJECT_STATUS_LABELS_FR, STAGE_LABELS_FR, Stage } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { ProjectDetailStore } from '@sillon/dashboard/projects/data-access';
import { HealthBadge, StageBadge } from '@sillon/dashboard/shared/ui';
import { MilestoneTimeline } from '../milestone-timeline/milestone-timeline';
import { ProjectFunding } from '../project-funding/project-funding';
import { ProjectPartners } from '../project-partners/project-partners';
import { ProjectOverview } from '../project-overview/project-overview';
import { actionLabel, changedFields } from './audit-changes';

@Component({
  selector: 'sil-project-detail',
  imports: [DatePipe, RouterLink, StageBadge, HealthBadge, ProjectOverview, MilestoneTimeline, ProjectPartners, ProjectFunding],
  templateUrl: './project-detail.html',
  styleUrl: './project-detail.scss',
  providers: [ProjectDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectDetail {
  protected readonly store = inject(ProjectDetailStore);
  private readonly session = inject(SessionStore);
  private readonly title = inject(Title);

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

  protected readonly stageLabels = STAGE_LABELS_FR;
  protected readonly statusLabels = PROJECT_STATUS_LABELS_FR;
  protected readonly actionLabel = actionLabel;
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
    effect(() => {
      const project = this.project();
      if (project) this.title.setTitle(`${project.name} (${project.code}) · Sillon`);
    });
  }

  protected stageLabel(stage: Stage | null): string {
    return stage ? STAGE_LABELS_FR[stage] : 'Création';
  }
}
