import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PROJECT_STATUS_LABELS_FR, ProjectStatus, STAGE_LABELS_FR, STAGES, Stage } from '@sillon/contracts';

// The stage as text with its rank (2/5), and the outcome status when the project is not active.
@Component({
  selector: 'sil-stage-badge',
  template: `
    <span class="rank" aria-hidden="true">{{ rank() }}/{{ count }}</span>
    <span class="label">{{ label() }}</span>
    @if (statusLabel(); as status) {
      <span class="status">({{ status }})</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: baseline;
      gap: 6px;
      white-space: nowrap;
    }
    .rank {
      font: var(--mat-sys-label-small);
      border: 1px solid currentColor;
      border-radius: 999px;
      padding: 0 6px;
    }
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StageBadge {
  readonly stage = input.required<Stage>();
  readonly status = input<ProjectStatus>('active');

  protected readonly count = STAGES.length;
  protected readonly rank = computed(() => STAGES.indexOf(this.stage()) + 1);
  protected readonly label = computed(() => STAGE_LABELS_FR[this.stage()]);
  protected readonly statusLabel = computed(() => (this.status() === 'active' ? null : PROJECT_STATUS_LABELS_FR[this.status()]));
}
