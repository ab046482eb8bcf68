import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { SkipLink } from './shell/skip-link';

@Component({
  imports: [RouterOutlet, SkipLink],
  selector: 'sil-root',
  template: '<sil-skip-link /><router-outlet />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
