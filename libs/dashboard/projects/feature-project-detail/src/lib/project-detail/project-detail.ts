import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  FUNDING_SCHEME_LABELS_FR,
  FUNDING_STATUS_LABELS_FR,
  FUNDING_STATUSES,
  ORGANISATION_TYPE_LABELS_FR,
  PARTNER_ROLE_LABELS_FR,
  PROJECT_STATUS_LABELS_FR,
  STAGE_LABELS_FR,
  Stage,
} from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { ProjectDetailStore } from '@sillon/dashboard/projects/data-access';
import { HealthBadge, StageBadge } from '@sillon/dashboard/shared/ui';
import { formatEuroCents } from '@sillon/util';
import { MilestoneTimeline } from '../milestone-timeline/milestone-timeline';
import { ProjectOverview } from '../project-overview/project-overview';
import { actionLabel, changedFields } from './audit-changes';

@Component({
  selector: 'sil-project-detail',
  imports: [DatePipe, RouterLink, StageBadge, HealthBadge, ProjectOverview, MilestoneTimeline],
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
  // A regional director reads everything and changes nothing; a lead changes only what they lead.
  protected readonly canEdit = computed(() => {
    const project = this.project();
    const me = this.session.me();
    if (!project || !me || project.archivedAt) return false;
    return me.role === 'lab_manager' || (me.role === 'project_lead' && project.leadId === me.id);
  });

  protected readonly stageLabels = STAGE_LABELS_FR;
  protected readonly statusLabels = PROJECT_STATUS_LABELS_FR;
  protected readonly partnerRoles = PARTNER_ROLE_LABELS_FR;
  protected readonly organisationTypes = ORGANISATION_TYPE_LABELS_FR;
  protected readonly schemes = FUNDING_SCHEME_LABELS_FR;
  protected readonly fundingStatuses = FUNDING_STATUS_LABELS_FR;
  protected readonly euros = formatEuroCents;
  protected readonly actionLabel = actionLabel;
  protected readonly changedFields = changedFields;

  protected readonly transitions = computed(() => [...(this.store.transitions().value ?? [])].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt)));
  protected readonly fundingTotals = computed(() => {
    const funding = this.store.funding().value;
    return funding ? FUNDING_STATUSES.map((status) => ({ status, label: FUNDING_STATUS_LABELS_FR[status], cents: funding.totals[status] })) : [];
  });

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
