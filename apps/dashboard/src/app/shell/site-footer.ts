import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

// Links every page carries, signed in or not: the public showcase and the accessibility statement.
@Component({
  selector: 'sil-site-footer',
  imports: [RouterLink],
  template: `
    <footer>
      <nav aria-label="Liens de pied de page">
        <ul>
          <li><a routerLink="/vitrine">Vitrine des projets</a></li>
          <li><a routerLink="/accessibilite">Accessibilité : partiellement conforme</a></li>
        </ul>
      </nav>
    </footer>
  `,
  styles: `
    footer {
      padding: 12px 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteFooter {}
