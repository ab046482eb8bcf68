import { Locator, Page } from '@playwright/test';

// The frame around every signed-in page: toolbar, main navigation, main content.
export class Shell {
  readonly navigation: Locator;
  readonly menuButton: Locator;
  readonly signOutButton: Locator;
  readonly toolbar: Locator;
  readonly main: Locator;
  readonly skipLink: Locator;

  constructor(private readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Navigation principale' });
    this.menuButton = page.getByRole('button', { name: 'Menu' });
    this.signOutButton = page.getByRole('button', { name: 'Se déconnecter' });
    this.toolbar = page.getByRole('banner');
    this.main = page.getByRole('main');
    this.skipLink = page.getByRole('link', { name: 'Aller au contenu' });
  }

  link(label: string): Locator {
    return this.navigation.getByRole('link', { name: label, exact: true });
  }

  async sectionLabels(): Promise<string[]> {
    return (await this.navigation.getByRole('link').allTextContents()).map((label) => label.trim());
  }

  heading(name: string): Locator {
    return this.main.getByRole('heading', { level: 1, name });
  }
}
