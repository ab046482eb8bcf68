import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { SessionStore } from '@sillon/dashboard/auth/data-access';

@Component({
  selector: 'sil-home',
  template: `
    <h1>Tableau de bord</h1>
    <p>Bonjour {{ session.displayName() }}.</p>
    @if (session.me()?.labName; as lab) {
      <p>{{ lab }}</p>
    } @else if (session.me()?.regionName; as region) {
      <p>{{ region }}</p>
    }
    <p>Les chiffres clés du portefeuille arrivent bientôt.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  protected readonly session = inject(SessionStore);
}
