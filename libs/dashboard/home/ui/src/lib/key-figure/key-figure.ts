import { ChangeDetectionStrategy, Component, input } from '@angular/core';

// One key figure: a big value, what it counts, and an optional line of context.
@Component({
  selector: 'sil-key-figure',
  template: `
    <p class="label">{{ label() }}</p>
    <p class="value">{{ value() }}</p>
    @if (detail(); as text) {
      <p class="detail">{{ text }}</p>
    }
    <ng-content />
  `,
  styles: `
    :host {
      display: block;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      min-height: 112px;
      box-sizing: border-box;
    }
    .label {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .value {
      margin: 4px 0;
      font: var(--mat-sys-headline-medium);
      font-variant-numeric: tabular-nums;
    }
    .detail {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KeyFigure {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly detail = input<string | null>(null);
}
