import { Locator, Page } from '@playwright/test';

export class OrganisationsPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Organisations' });
    this.createButton = page.getByRole('button', { name: 'Nouvelle organisation' });
    this.table = page.getByRole('table', { name: 'Organisations' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/organisations');
  }
}
