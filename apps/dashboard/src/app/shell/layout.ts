import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatListItem, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SIGN_IN_PATH, SessionStore } from '@sillon/dashboard/auth/data-access';
import { ProposalNotifications } from '@sillon/dashboard/pipeline/data-access';
import { map } from 'rxjs';
import { SECTIONS } from './sections';
import { SiteFooter } from './site-footer';

// Below this width the navigation slides over the page behind a menu button.
const WIDE_LAYOUT = '(min-width: 960px)';

@Component({
  selector: 'sil-layout',
  imports: [
    MatToolbar,
    MatButton,
    MatIconButton,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    SiteFooter,
  ],
  templateUrl: './layout.html',
  styleUrl: './layout.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Layout {
  private readonly router = inject(Router);
  protected readonly session = inject(SessionStore);
  // Proposals to decide (lab manager) or decisions to read (project lead), counted in the toolbar.
  protected readonly notifications = inject(ProposalNotifications);
  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe(WIDE_LAYOUT)
      .pipe(map((state) => state.matches)),
    { initialValue: true },
  );
  protected readonly sections = computed(() =>
    SECTIONS.filter((section) => this.session.hasRole(section.roles)),
  );

  constructor() {
    effect(() => this.notifications.watch(this.session.role()));
    inject(DestroyRef).onDestroy(() => this.notifications.stop());
  }

  protected closeIfOver(): void {
    if (!this.wide()) {
      void this.sidenav().close();
    }
  }

  protected async signOut(): Promise<void> {
    try {
      await this.session.signOut();
    } catch {
      // The session is forgotten here whatever the API answered; the cookie expires on its own.
    }
    await this.router.navigateByUrl(SIGN_IN_PATH);
  }
}
