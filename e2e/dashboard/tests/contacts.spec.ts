import { Contact, ContactExport, Page as ApiPage } from '@sillon/contracts';
import { readFileSync } from 'node:fs';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { createOrganisation, getJson, unique } from '../fixtures/api-writes';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { OrganisationPage } from '../pages/organisation-page';
import { OrganisationsPage } from '../pages/organisations-page';

test.describe.configure({ timeout: 150_000 });
test.use({ actionTimeout: 15_000 });

// The organisation the lab manager's journey creates; the lead's journey reads it.
let organisationId = '';
let keptContact = '';

test.describe.serial('contacts of an organisation', () => {
  test.describe('as a lab manager', () => {
    test.use({ signedInAs: 'lab_manager' });

    test('opens an organisation from the list, adds and edits a contact, exports their data and erases them after confirming', async ({ page }) => {
      const organisation = await createOrganisation(page, unique('Régie de quartier Moulins'));
      organisationId = organisation.id;
      const list = new OrganisationsPage(page);
      const detail = new OrganisationPage(page);
      await list.goto();
      await page.getByLabel('Rechercher un nom ou un SIRET').fill(organisation.name);
      await expect(page).toHaveURL(/[?&]q=/);
      await expect(list.table.getByRole('link')).toHaveCount(1);
      await list.table.getByRole('link', { name: organisation.name }).click();
      await expect(detail.heading).toHaveText(organisation.name);
      await expect(page).toHaveURL(new RegExp(`/organisations/${organisation.id}$`));
      await expect(page.getByText('Aucun contact enregistré pour cette organisation.')).toBeVisible();
      await expectNoAccessibilityViolations(page);

      // Two people: one stays for the lead's journey, the other is exported and erased.
      for (const person of [
        { fullName: 'Inès Carpentier', email: 'ines.carpentier@moulins.example.fr', phone: '03 20 11 22 33', roleTitle: 'Coordinatrice' },
        { fullName: 'Bruno Delattre', email: 'bruno.delattre@moulins.example.fr', roleTitle: 'Trésorier' },
      ]) {
        await detail.addContactButton.click();
        await expect(detail.dialog.getByRole('heading', { name: 'Nouveau contact' })).toBeVisible();
        await detail.fillContact(person);
        if (person.fullName === 'Inès Carpentier') {
          await expectNoAccessibilityViolations(page);
          await saveScreenshot(page, 'contact-dialog');
        }
        await detail.dialog.getByRole('button', { name: 'Enregistrer' }).click();
        await expect(detail.dialog).toBeHidden();
        await expect(detail.status).toContainText(`Contact ${person.fullName} ajouté.`);
      }
      keptContact = 'Inès Carpentier';

      await page.reload();
      await expect(detail.row('Inès Carpentier')).toContainText('Coordinatrice');
      await expect(detail.row('Bruno Delattre')).toContainText('bruno.delattre@moulins.example.fr');

      await detail.row('Bruno Delattre').getByRole('button', { name: 'Modifier Bruno Delattre' }).click();
      await expect(detail.dialog.getByLabel('Fonction')).toHaveValue('Trésorier');
      await detail.fillContact({ roleTitle: 'Président', phone: '+33 6 12 34 56 78' });
      await detail.dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(detail.dialog).toBeHidden();
      await page.reload();
      await expect(detail.row('Bruno Delattre')).toContainText('Président');
      await expect(detail.row('Bruno Delattre')).toContainText('+33 6 12 34 56 78');

      // GDPR export: a JSON file with everything held about the person.
      const downloading = page.waitForEvent('download');
      await detail.row('Bruno Delattre').getByRole('button', { name: 'Exporter les données de Bruno Delattre' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^contact-bruno-delattre-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as ContactExport;
      expect(exported.contact).toMatchObject({ fullName: 'Bruno Delattre', email: 'bruno.delattre@moulins.example.fr', roleTitle: 'Président' });
      expect(exported.organisation.id).toBe(organisation.id);
      expect(exported.auditEvents.map((e) => e.action)).toEqual(['create', 'update']);
      await expect(detail.status).toContainText('Les données de Bruno Delattre ont été téléchargées.');

      // GDPR erasure, after a confirmation that says what goes.
      await detail.row('Bruno Delattre').getByRole('button', { name: 'Effacer les données de Bruno Delattre' }).click();
      await expect(detail.dialog.getByRole('heading', { name: 'Effacer définitivement Bruno Delattre ?' })).toBeVisible();
      await expect(detail.dialog).toContainText('Cette action ne peut pas être annulée.');
      await expectNoAccessibilityViolations(page);
      await saveScreenshot(page, 'contact-erasure');
      await detail.dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
      await expect(detail.dialog).toBeHidden();
      await expect(detail.status).toContainText('Les données de Bruno Delattre ont été effacées');
      await expect(detail.addContactButton).toBeFocused();

      await page.reload();
      await expect(detail.row('Inès Carpentier')).toBeVisible();
      await expect(detail.row('Bruno Delattre')).toHaveCount(0);
      const contacts = await getJson<ApiPage<Contact>>(page.request, `/api/v1/contacts?organisation=${organisation.id}`);
      expect(contacts.items.map((c) => c.fullName)).toEqual(['Inès Carpentier']);
      await expectNoAccessibilityViolations(page);
      await saveScreenshot(page, 'organisation-contacts');
    });
  });

  test.describe('as a project lead', () => {
    test.use({ signedInAs: 'project_lead' });

    test('reads the contacts of an organisation, without the GDPR or edit buttons', async ({ page }) => {
      const detail = new OrganisationPage(page);
      await detail.goto(organisationId);
      await expect(detail.row(keptContact)).toContainText('Coordinatrice');
      await expect(detail.addContactButton).toHaveCount(0);
      await expect(page.getByRole('button', { name: /^(Modifier|Exporter les données de|Effacer les données de) / })).toHaveCount(0);
      await expectNoAccessibilityViolations(page);
    });
  });
});
