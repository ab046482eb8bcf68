import { Download, Locator, Page, expect } from '@playwright/test';

// The Rapports page: the scope form, the download links and the figures.
export class ReportsPage {
  readonly heading: Locator;
  readonly keyFigures: Locator;
  readonly scopeLine: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Rapports' });
    this.keyFigures = page.getByRole('region', { name: 'Chiffres clés' });
    this.scopeLine = page.getByText(/Période du \d{2}\/\d{2}\/\d{4} au/);
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/rapports${query}`);
    await expect(this.heading).toBeVisible();
  }

  async setPeriod(from: string, to: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Du', exact: true }).fill(from);
    await this.page.getByRole('textbox', { name: 'Au', exact: true }).fill(to);
  }

  async show(): Promise<void> {
    await this.page.getByRole('button', { name: 'Afficher le rapport' }).click();
  }

  figure(label: string): Locator {
    return this.keyFigures.locator('sil-key-figure').filter({ has: this.page.getByText(label, { exact: true }) });
  }

  table(caption: string | RegExp): Locator {
    return this.page.getByRole('table', { name: caption });
  }

  async download(linkName: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name: linkName }).click()]);
    return download;
  }
}
