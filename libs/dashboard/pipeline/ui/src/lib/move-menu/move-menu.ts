import { ChangeDetectionStrategy, Component, input, output, viewChild } from '@angular/core';
import { MatMenu, MatMenuModule } from '@angular/material/menu';
import { ProjectListItem, Stage, STAGE_LABELS_FR, STAGES } from '@sillon/contracts';

// What a card's "Déplacer vers…" button hands the menu when it opens it.
export interface MoveMenuData {
  project: ProjectListItem;
  targets: readonly Stage[];
}

export interface MoveRequest {
  project: ProjectListItem;
  stage: Stage;
}

interface MoveChoice {
  stage: Stage;
  label: string;
}

// `proposing`: the viewer (a project lead) only proposes what is not one stage forward.
export function moveChoices(from: Stage, targets: readonly Stage[], proposing = false): MoveChoice[] {
  const index = STAGES.indexOf(from);
  return targets.map((stage) => {
    const delta = STAGES.indexOf(stage) - index;
    const move = delta > 0 ? 'passer en' : 'revenir en';
    const label = proposing && delta !== 1 ? `Proposer de ${move}` : `${move.charAt(0).toUpperCase()}${move.slice(1)}`;
    return { stage, label: `${label} ${STAGE_LABELS_FR[stage]}` };
  });
}

// The keyboard way to move a card: one menu for the whole board, opened by each card's button with that
// card's project (a menu per card cost the board of a large lab hundreds of milliseconds to create).
// Its items are created when it opens.
@Component({
  selector: 'sil-move-menu',
  exportAs: 'silMoveMenu',
  imports: [MatMenuModule],
  template: `
    <mat-menu #menu="matMenu">
      <ng-template matMenuContent let-project="project" let-targets="targets">
        @for (choice of choices(project.stage, targets, proposing()); track choice.stage) {
          <button mat-menu-item type="button" (click)="move.emit({ project, stage: choice.stage })">{{ choice.label }}</button>
        }
      </ng-template>
    </mat-menu>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoveMenu {
  readonly panel = viewChild.required(MatMenu);
  // A project lead's menu: moves other than one stage forward are proposals.
  readonly proposing = input(false);
  readonly move = output<MoveRequest>();
  protected readonly choices = moveChoices;
}
