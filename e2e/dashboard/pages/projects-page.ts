import { Locator, Page } from '@playwright/test';

// Projets: the portfolio table with its filters.
export class ProjectsPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly search: Locator;
  readonly exportCsv: Locator;
  readonly exportXlsx: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Projets' });
    this.createButton = page.getByRole('button', { name: 'Nouveau projet' });
    this.table = page.getByRole('table', { name: 'Projets' });
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('link') });
    this.count = page.getByRole('status').filter({ hasText: /projet/ });
    this.search = page.getByRole('searchbox', { name: 'Rechercher' });
    this.exportCsv = page.getByRole('link', { name: 'Exporter en CSV' });
    this.exportXlsx = page.getByRole('link', { name: 'Exporter en XLSX' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/projets${query}`);
  }

  // Picks options of a multi-select filter, then closes its panel.
  async filter(label: string, options: string[]): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    for (const option of options) await this.page.getByRole('option', { name: option }).click();
    await this.page.keyboard.press('Escape');
  }

  // Clicks an export link and answers where the browser saved the file, and the name it was given.
  async download(link: Locator): Promise<{ path: string; filename: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return { path: await download.path(), filename: download.suggestedFilename() };
  }

  async openProject(index = 0): Promise<string> {
    const link = this.rows.nth(index).getByRole('link');
    const name = (await link.textContent())?.trim() ?? '';
    await link.click();
    return name;
  }
}
