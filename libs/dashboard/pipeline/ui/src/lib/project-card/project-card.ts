import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuPanel, MatMenuTrigger } from '@angular/material/menu';
import { LocationStrategy } from '@angular/common';
import { Router } from '@angular/router';
import { NextMilestone, ProjectListItem, Stage } from '@sillon/contracts';
import { HealthBadge } from '@sillon/dashboard/shared/ui';
import { formatDateFr } from '@sillon/util';
import { MoveMenuData } from '../move-menu/move-menu';

// One project on the Pipeline board: what a lab reviews at a glance, and the keyboard way to move it.
@Component({
  selector: 'sil-project-card',
  imports: [MatButtonModule, MatMenuTrigger, HealthBadge],
  templateUrl: './project-card.html',
  styleUrl: './project-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectCard {
  readonly project = input.required<ProjectListItem>();
  // undefined while not known yet, null when the project has no planned milestone.
  readonly nextMilestone = input<NextMilestone | null | undefined>(undefined);
  // Stages the viewer may move the project to; none hides the button.
  readonly targets = input<readonly Stage[]>([]);
  // The board's move menu (a MoveMenu's panel), opened with this card's project and targets.
  readonly moveMenu = input<MatMenuPanel | null>(null);

  private readonly router = inject(Router);
  private readonly location = inject(LocationStrategy);
  // A plain link the router follows on a plain click (a modified or middle click opens a tab as usual):
  // RouterLink listens to every navigation and rewrites its href, which was a large share of each of
  // the board's 250 cards' cost (see README, "Benchmark").
  private readonly path = computed(() => `/projets/${encodeURIComponent(this.project().id)}`);
  protected readonly href = computed(() => this.location.prepareExternalUrl(this.path()));
  protected readonly menuData = computed<MoveMenuData>(() => ({ project: this.project(), targets: this.targets() }));
  protected readonly dueOn = computed(() => {
    const milestone = this.nextMilestone();
    return milestone ? formatDateFr(milestone.dueOn) : '';
  });
  protected readonly days = computed(() => {
    const days = this.project().daysInStage;
    return days === 0 ? "Entré aujourd'hui dans l'étape" : `${days} jour${days > 1 ? 's' : ''} dans l'étape`;
  });

  protected follow(event: MouseEvent): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void this.router.navigateByUrl(this.path());
  }
}
