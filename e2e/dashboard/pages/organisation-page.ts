import { Locator, Page, expect } from '@playwright/test';

// Organisation: one organisation of the lab and its contacts.
export class OrganisationPage {
  readonly heading: Locator;
  readonly contacts: Locator;
  readonly addContactButton: Locator;
  readonly dialog: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
    this.contacts = page.getByRole('table', { name: 'Contacts' });
    this.addContactButton = page.getByRole('button', { name: 'Ajouter un contact' });
    this.dialog = page.getByRole('dialog');
    this.status = page.getByRole('status').filter({ hasText: /contact|données/i });
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/organisations/${id}`);
    await expect(this.page.getByRole('heading', { level: 2, name: 'Contacts' })).toBeVisible({ timeout: 20_000 });
  }

  row(name: string): Locator {
    return this.contacts.getByRole('row').filter({ hasText: name });
  }

  async fillContact(contact: { fullName?: string; email?: string; phone?: string; roleTitle?: string }): Promise<void> {
    // The dialog puts the focus on its first field once open: typing before that would land there.
    await expect(this.dialog.getByLabel('Nom complet')).toBeFocused();
    if (contact.fullName !== undefined) await this.dialog.getByLabel('Nom complet').fill(contact.fullName);
    if (contact.email !== undefined) await this.dialog.getByLabel('Adresse e-mail').fill(contact.email);
    if (contact.phone !== undefined) await this.dialog.getByLabel('Téléphone').fill(contact.phone);
    if (contact.roleTitle !== undefined) await this.dialog.getByLabel('Fonction').fill(contact.roleTitle);
  }
}
