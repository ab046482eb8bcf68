import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { NextMilestone, Project, Stage, STAGE_LABELS_FR, STAGES } from '@sillon/contracts';
import { HealthBadge } from '@sillon/dashboard/projects/ui';
import { formatDateFr } from '@sillon/util';

interface MoveChoice {
  stage: Stage;
  label: string;
}

// One project on the Pipeline board: what a lab reviews at a glance, and the keyboard way to move it.
@Component({
  selector: 'sil-project-card',
  imports: [MatButtonModule, MatMenuModule, RouterLink, HealthBadge],
  templateUrl: './project-card.html',
  styleUrl: './project-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectCard {
  readonly project = input.required<Project>();
  // undefined while not known yet, null when the project has no planned milestone.
  readonly nextMilestone = input<NextMilestone | null | undefined>(undefined);
  // Stages the viewer may move the project to; none hides the menu.
  readonly targets = input<Stage[]>([]);
  readonly move = output<Stage>();

  protected readonly choices = computed<MoveChoice[]>(() => {
    const from = STAGES.indexOf(this.project().stage);
    return this.targets().map((stage) => ({
      stage,
      label: `${STAGES.indexOf(stage) > from ? 'Passer en' : 'Revenir en'} ${STAGE_LABELS_FR[stage]}`,
    }));
  });
  protected readonly formatDate = formatDateFr;
  protected readonly days = computed(() => {
    const days = this.project().daysInStage;
    return days === 0 ? "Entré aujourd'hui dans l'étape" : `${days} jour${days > 1 ? 's' : ''} dans l'étape`;
  });
}
