import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { STAGES, Stage } from '@sillon/contracts';
import { GateCriteriaStore } from '@sillon/dashboard/admin/data-access';
import { StageChecklist } from '../stage-checklist/stage-checklist';

// The last stage has no stage after it, hence no gate to pass.
const GATED_STAGES: readonly Stage[] = STAGES.slice(0, -1);

// A lab manager's checklists: what a project must meet to leave each stage.
@Component({
  selector: 'sil-gate-criteria-editor',
  imports: [MatButton, MatProgressBar, StageChecklist],
  template: `
    <div class="toolbar"><h2>Critères de passage</h2></div>
    <p class="intro">
      Pour chaque étape, la liste à cocher qu'un projet doit remplir pour la quitter. Une ou un responsable de lab peut
      passer une étape avec des critères non remplis, en donnant une raison.
    </p>
    <div class="status-line">
      <mat-progress-bar mode="indeterminate" [class.hidden]="!store.loading()" aria-label="Chargement des critères" />
    </div>
    @if (store.error(); as message) {
      <div class="error" role="alert">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="store.load(labId())">Réessayer</button>
      </div>
    } @else if (!store.loaded()) {
      <p role="status">Chargement des critères…</p>
    } @else {
      @for (stage of stages; track stage) {
        <sil-stage-checklist [stage]="stage" [criteria]="byStage()[stage]" />
      }
    }
  `,
  styleUrls: ['../admin-panel.scss'],
  styles: `
    .intro {
      max-width: 70ch;
      margin: 0 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GateCriteriaEditor implements OnInit {
  readonly labId = input.required<string>();

  protected readonly store = inject(GateCriteriaStore);
  protected readonly stages = GATED_STAGES;
  protected readonly byStage = computed(() => this.store.byStage());

  ngOnInit(): void {
    if (!this.store.loaded()) void this.store.load(this.labId());
  }
}
