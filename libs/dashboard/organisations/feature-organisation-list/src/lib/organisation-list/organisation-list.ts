import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'sil-organisation-list',
  template: `
    <h1>Organisations</h1>
    <p>L'annuaire des organisations partenaires arrive bientôt.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationList {}
