import { Locator, Page, expect } from '@playwright/test';

// The Communs section of a project's page and its dialog.
export class ProjectCommonsSection {
  readonly section: Locator;
  readonly dialog: Locator;
  readonly addButton: Locator;

  constructor(private readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Communs' });
    this.dialog = page.getByRole('dialog');
    this.addButton = page.getByRole('button', { name: 'Ajouter un commun' });
  }

  async goto(projectId: string): Promise<void> {
    await this.page.goto(`/projets/${projectId}`);
    await expect(this.page.getByRole('heading', { level: 2, name: 'Communs' })).toBeVisible({ timeout: 20_000 });
    await expect(this.section.getByText('Chargement des communs…')).toHaveCount(0);
  }

  card(title: string): Locator {
    return this.section.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title }) });
  }

  field(label: string): Locator {
    return this.dialog.getByRole('textbox', { name: label });
  }

  async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  save(): Promise<void> {
    return this.dialog.getByRole('button', { name: 'Enregistrer' }).click();
  }
}
