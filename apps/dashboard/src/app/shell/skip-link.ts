import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';

// First focusable element of every page; moves focus past the toolbar and navigation.
@Component({
  selector: 'sil-skip-link',
  template: `<a class="skip-link" href="#contenu" (click)="skip($event)">Aller au contenu</a>`,
  styles: `
    .skip-link {
      position: absolute;
      top: 8px;
      left: 8px;
      z-index: 1000;
      padding: 8px 16px;
      border-radius: 4px;
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      transform: translateY(-200%);
    }

    .skip-link:focus {
      transform: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SkipLink {
  private readonly document = inject(DOCUMENT);

  // A plain #fragment link would be resolved against <base href> and reload the home page.
  protected skip(event: Event): void {
    event.preventDefault();
    this.document.getElementById('contenu')?.focus();
  }
}
