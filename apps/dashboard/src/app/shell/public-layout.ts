import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { SiteFooter } from './site-footer';

// Frame of the pages shown without signing in (sign-in, showcase, accessibility statement).
@Component({
  selector: 'sil-public-layout',
  imports: [RouterOutlet, SiteFooter],
  template: `
    <main id="contenu" tabindex="-1">
      <router-outlet />
    </main>
    <sil-site-footer />
  `,
  styles: `
    main {
      outline: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicLayout {}
