import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'sil-not-found',
  imports: [RouterLink],
  template: `
    <h1>Page introuvable</h1>
    <p>Cette adresse ne correspond à aucune page de Sillon.</p>
    <p><a routerLink="/">Retour au tableau de bord</a></p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {}
