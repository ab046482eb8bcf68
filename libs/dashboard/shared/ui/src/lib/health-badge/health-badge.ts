import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { HEALTH_LABELS_FR, Health } from '@sillon/contracts';

// A distinct shape per health (circle, triangle, square) beside its French label: never colour alone.
@Component({
  selector: 'sil-health-badge',
  template: `
    <svg class="shape" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      @switch (health()) {
        @case ('green') {
          <circle cx="6" cy="6" r="5.5" />
        }
        @case ('amber') {
          <path d="M6 0.5 11.5 11.5H0.5Z" />
        }
        @default {
          <rect x="0.5" y="0.5" width="11" height="11" />
        }
      }
    </svg>
    <span>{{ label() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      white-space: nowrap;
    }
    .shape {
      flex: none;
    }
    :host(.green) .shape {
      fill: #18753c;
    }
    :host(.amber) .shape {
      fill: #b34000;
    }
    :host(.red) .shape {
      fill: #ce0500;
    }
  `,
  host: { '[class]': 'health()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthBadge {
  readonly health = input.required<Health>();
  protected readonly label = computed(() => HEALTH_LABELS_FR[this.health()]);
}
