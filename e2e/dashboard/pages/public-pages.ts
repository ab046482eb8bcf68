import { Locator, Page, expect } from '@playwright/test';

// The pages open without signing in: the showcase of public projects and the accessibility statement.
export class ShowcasePage {
  readonly heading: Locator;
  readonly projects: Locator;
  readonly count: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Vitrine des projets' });
    this.projects = page.getByRole('article');
    this.count = page.getByRole('status').filter({ hasText: /projets? affichés?/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/vitrine');
    await expect(this.heading).toBeVisible({ timeout: 20_000 });
    await expect(this.count).toBeVisible();
  }

  filter(label: 'Région' | 'Thème'): Locator {
    return this.page.getByRole('combobox', { name: label });
  }
}

export const footerLink = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Liens de pied de page' }).getByRole('link', { name });
