import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';

// The frame of the labs and regions panels: title and "new" button, the count read out when it
// changes, the loading bar, the error with a retry, and the scrollable region of the table, which
// the panel projects (its columns differ).
@Component({
  selector: 'sil-directory-panel',
  imports: [MatButton, MatProgressBar],
  template: `
    <div class="toolbar">
      <h2>{{ heading() }}</h2>
      <button mat-flat-button type="button" (click)="create.emit()">{{ createLabel() }}</button>
    </div>

    <div class="status-line">
      <p class="count" role="status">{{ summary() }}</p>
      <mat-progress-bar mode="indeterminate" [class.hidden]="!loading()" [attr.aria-label]="loadingLabel()" />
    </div>

    @if (error(); as message) {
      <div class="error" role="alert">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="retry.emit()">Réessayer</button>
      </div>
    }

    <div class="table-scroll" role="region" [attr.aria-label]="tableLabel()" tabindex="0">
      <ng-content />
    </div>
  `,
  styleUrls: ['../admin-panel.scss'],
  // The panel's own host keeps the page's spacing: this frame adds none.
  host: { style: 'display: contents' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryPanel {
  readonly heading = input.required<string>();
  readonly createLabel = input.required<string>();
  readonly summary = input.required<string>();
  readonly loading = input.required<boolean>();
  readonly loadingLabel = input.required<string>();
  readonly error = input<string | null>(null);
  readonly tableLabel = input.required<string>();
  readonly create = output<void>();
  readonly retry = output<void>();
}
