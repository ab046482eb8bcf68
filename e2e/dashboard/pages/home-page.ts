import { Locator, Page, expect } from '@playwright/test';

// The Tableau de bord: key figures, charts with their tables, stalled projects and overdue milestones.
export class HomePage {
  readonly heading: Locator;
  readonly keyFigures: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Tableau de bord' });
    this.keyFigures = page.getByRole('region', { name: 'Chiffres clés' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.heading).toBeVisible();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  figure(label: string | RegExp): Locator {
    return this.keyFigures.locator('sil-key-figure').filter({ hasText: label });
  }

  table(caption: string): Locator {
    return this.page.getByRole('table', { name: caption });
  }
}
