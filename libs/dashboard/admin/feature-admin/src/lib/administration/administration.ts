import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'sil-administration',
  template: `
    <h1>Administration</h1>
    <p>La gestion des utilisateurs, des labs et des critères d'étape arrive bientôt.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Administration {}
