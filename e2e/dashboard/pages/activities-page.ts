import { Locator, Page, expect } from '@playwright/test';

// Activités: the lab's activities beyond its projects, their filters, row actions and dialog.
export class ActivitiesPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly announcement: Locator;
  readonly dialog: Locator;
  readonly createButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Activités' });
    this.table = page.getByRole('table');
    this.rows = this.table.locator('tbody tr').filter({ has: page.locator('time') });
    this.count = page.getByRole('status').filter({ hasText: /activit/i }).first();
    this.announcement = page.locator('p.announcement');
    this.dialog = page.getByRole('dialog');
    this.createButton = page.getByRole('button', { name: 'Nouvelle activité' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/activites${query}`);
    await expect(this.count).not.toContainText('Chargement', { timeout: 20_000 });
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  // The attendance field of one actor type in the dialog.
  attendance(label: string): Locator {
    return this.dialog.getByRole('group', { name: "Participants par type d'acteur" }).getByLabel(label, { exact: true });
  }
}
