import { Locator, Page } from '@playwright/test';

// Import: a lab's spreadsheet moved in, step by step.
export class ImportPage {
  readonly heading: Locator;
  readonly kind: Locator;
  readonly file: Locator;
  readonly readButton: Locator;
  readonly checkButton: Locator;
  readonly importButton: Locator;
  readonly report: Locator;
  readonly reportRows: Locator;
  readonly reportSummary: Locator;
  readonly result: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Import' });
    this.kind = page.getByRole('combobox', { name: 'Ce que contient le fichier' });
    this.file = page.getByLabel('Fichier à importer (CSV ou Excel .xlsx)');
    this.readButton = page.getByRole('button', { name: 'Lire le fichier' });
    this.checkButton = page.getByRole('button', { name: 'Vérifier' });
    this.importButton = page.getByRole('button', { name: 'Importer', exact: true });
    this.report = page.getByRole('table', { name: /Rapport ligne par ligne/ });
    this.reportRows = this.report.getByRole('row').filter({ has: page.getByRole('cell') });
    this.reportSummary = page.getByRole('status').filter({ hasText: /lignes? lues?/ }).first();
    this.result = page.getByRole('heading', { level: 2, name: 'Import terminé' });
  }

  field(label: string): Locator {
    return this.page.getByRole('combobox', { name: label });
  }

  async choose(name: string, csv: string): Promise<void> {
    await this.file.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
  }
}
