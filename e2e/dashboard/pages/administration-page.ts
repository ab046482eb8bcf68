import { Locator, Page, expect } from '@playwright/test';

// The Administration page: tabs for an admin (accounts, labs, regions) or a lab manager (gate criteria, team).
export class AdministrationPage {
  readonly heading: Locator;
  readonly usersTable: Locator;
  readonly search: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Administration' });
    this.usersTable = page.getByRole('table', { name: 'Comptes' });
    this.search = page.getByRole('searchbox', { name: 'Rechercher' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/administration');
    await this.heading.waitFor();
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  row(text: string): Locator {
    return this.usersTable.getByRole('row').filter({ hasText: text });
  }

  // The section holding the checklist to leave a stage, by its heading.
  gate(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  async createUser(user: { email: string; displayName: string; role: string; lab: string; password: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    // Opened, the dialog puts the focus on its first field: typed before that, the next field's text
    // went into this one when the focus arrived.
    await expect(this.dialog.getByLabel('Adresse e-mail')).toBeFocused();
    await this.dialog.getByLabel('Adresse e-mail').fill(user.email);
    await this.dialog.getByLabel('Nom affiché').fill(user.displayName);
    await this.dialog.getByRole('combobox', { name: 'Rôle' }).click();
    await this.page.getByRole('option', { name: user.role, exact: true }).click();
    await this.dialog.getByRole('combobox', { name: 'Lab' }).click();
    await this.page.getByRole('option', { name: user.lab }).click();
    await this.dialog.getByLabel('Mot de passe initial').fill(user.password);
    await this.dialog.getByRole('button', { name: 'Créer le compte' }).click();
  }
}
