import { Locator, Page, expect } from '@playwright/test';

// Jalons: the lab-wide milestones in three views, with their filters and row actions.
export class MilestonesPage {
  readonly heading: Locator;
  readonly views: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Jalons' });
    this.views = page.getByRole('tablist', { name: 'Vues des jalons' });
    this.table = page.getByRole('table');
    this.rows = this.table.locator('tbody tr').filter({ has: page.getByRole('link') });
    this.count = page.getByRole('status').filter({ hasText: /jalon/i });
    this.dialog = page.getByRole('dialog');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/jalons${query}`);
    await expect(this.count).not.toContainText('Chargement', { timeout: 20_000 });
  }

  view(label: 'À venir' | 'En retard' | 'Réalisés'): Locator {
    return this.views.getByRole('tab', { name: label });
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).click();
  }
}
