import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

// Frame of the pages shown before sign-in.
@Component({
  selector: 'sil-public-layout',
  imports: [RouterOutlet],
  template: `
    <main id="contenu" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    main {
      outline: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicLayout {}
