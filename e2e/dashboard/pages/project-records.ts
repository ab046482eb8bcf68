import { Locator, Page, expect } from '@playwright/test';

// The partners and funding sections of a project's page, and their dialogs.
export class ProjectRecords {
  readonly partners: Locator;
  readonly funding: Locator;
  readonly dialog: Locator;
  readonly addPartnerButton: Locator;
  readonly addFundingButton: Locator;

  constructor(private readonly page: Page) {
    this.partners = page.getByRole('region', { name: 'Partenaires' }).first();
    this.funding = page.getByRole('region', { name: 'Financements' }).first();
    this.dialog = page.getByRole('dialog');
    this.addPartnerButton = page.getByRole('button', { name: 'Ajouter un partenaire' });
    this.addFundingButton = page.getByRole('button', { name: 'Ajouter une ligne de financement' });
  }

  async goto(projectId: string): Promise<void> {
    await this.page.goto(`/projets/${projectId}`);
    await expect(this.page.getByRole('heading', { level: 2, name: 'Partenaires' })).toBeVisible({ timeout: 20_000 });
  }

  partnerRow(organisation: string): Locator {
    return this.page.getByRole('table', { name: 'Partenaires' }).getByRole('row').filter({ hasText: organisation });
  }

  fundingRow(text: string): Locator {
    return this.page.getByRole('table', { name: 'Financements' }).getByRole('row').filter({ hasText: text });
  }

  // Types a few letters of the organisation's name in the picker and chooses it in the list.
  async pickOrganisation(label: 'Organisation' | 'Financeur', name: string): Promise<void> {
    const field = this.dialog.getByRole('combobox', { name: label });
    await field.fill(name.slice(0, 12));
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    await expect(field).toHaveValue(name);
  }

  async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
}
