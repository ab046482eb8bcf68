import { Locator, Page } from '@playwright/test';

export class OrganisationsPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly dialog: Locator;
  readonly search: Locator;
  readonly typeFilter: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Organisations' });
    this.createButton = page.getByRole('button', { name: 'Nouvelle organisation' });
    this.table = page.getByRole('table', { name: 'Organisations' });
    // Rows of organisations, not the header nor the "nothing found" line.
    this.rows = this.table.locator('tbody tr.mat-mdc-row');
    this.dialog = page.getByRole('dialog');
    this.search = page.getByRole('searchbox', { name: 'Rechercher un nom ou un SIRET' });
    this.typeFilter = page.getByRole('combobox', { name: 'Type' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/organisations${query}`);
  }

  async filterType(label: string): Promise<void> {
    await this.typeFilter.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }
}
