import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'sil-reports',
  template: `
    <h1>Rapports</h1>
    <p>Les rapports et leurs exports arrivent bientôt.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Reports {}
