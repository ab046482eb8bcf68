import { ChangeDetectionStrategy, Component, input } from '@angular/core';

@Component({
  selector: 'sil-project-detail',
  template: `<h1>Projet</h1>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectDetail {
  readonly id = input.required<string>();
}
