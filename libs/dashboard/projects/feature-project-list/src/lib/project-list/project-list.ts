import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'sil-project-list',
  template: `
    <h1>Projets</h1>
    <p>La liste des projets arrive bientôt.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectList {}
