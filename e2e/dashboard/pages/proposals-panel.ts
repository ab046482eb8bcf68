import { Locator, Page } from '@playwright/test';

// The proposals panel of the board, its decision dialog, and the toolbar's count.
export class ProposalsPanel {
  readonly panel: Locator;
  readonly dialog: Locator;
  readonly toolbarLink: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByRole('region', { name: /^(Propositions à décider|Mes propositions) \(\d+\)$/ });
    this.dialog = page.getByRole('dialog');
    this.toolbarLink = page.getByRole('banner').getByRole('link', { name: /^Propositions \(\d+\)$/ });
  }

  item(projectName: string): Locator {
    return this.panel.getByRole('listitem').filter({ hasText: projectName });
  }

  // 0 when the toolbar shows no count (nothing waits).
  async toolbarCount(): Promise<number> {
    if ((await this.toolbarLink.count()) === 0) return 0;
    const text = (await this.toolbarLink.textContent()) ?? '';
    return Number(/\((\d+)\)/.exec(text)?.[1] ?? 0);
  }
}
