import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'sil-pipeline-board',
  template: `
    <h1>Pipeline</h1>
    <p>Le tableau des projets par étape arrive bientôt.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineBoard {}
