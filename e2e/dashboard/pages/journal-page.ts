import { Locator, Page, expect } from '@playwright/test';

// Journal: the lab's audit trail with its filters.
export class JournalPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly person: Locator;
  readonly kind: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly clearButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Journal' });
    this.table = page.getByRole('table', { name: 'Évènements du journal' });
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
    this.summary = page.getByRole('status').filter({ hasText: /évènement|Chargement du journal/ });
    this.person = page.getByRole('combobox', { name: 'Personne' });
    this.kind = page.getByRole('combobox', { name: "Type d'enregistrement" });
    this.from = page.getByLabel('Du', { exact: true });
    this.to = page.getByLabel('Au', { exact: true });
    this.clearButton = page.getByRole('button', { name: 'Effacer les filtres' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/journal${query}`);
    await expect(this.summary).toContainText(/évènement/, { timeout: 20_000 });
  }
}
