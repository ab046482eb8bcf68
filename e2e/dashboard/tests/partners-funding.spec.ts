import { FundingLine, ProjectFunding, ProjectPage, ProjectPartner } from '@sillon/contracts';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { createOrganisation, getJson, unique } from '../fixtures/api-writes';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { ProjectRecords } from '../pages/project-records';

// Journeys of several dialogs, each waiting on the API: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 150_000 });
test.use({ actionTimeout: 15_000 });

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('adds a partner to a project from the page, finds it after a reload, and removes it after confirming', async ({ page }) => {
    const records = new ProjectRecords(page);
    const organisation = await createOrganisation(page, unique('Fablab des Dunes'));
    const [project] = (await getJson<ProjectPage>(page.request, '/api/v1/projects?status=active&pageSize=1&sort=-updatedAt')).items;
    await records.goto(project.id);
    await expectNoAccessibilityViolations(page);

    await records.addPartnerButton.click();
    await expect(records.dialog.getByRole('heading', { name: 'Ajouter un partenaire' })).toBeVisible();
    await records.pickOrganisation('Organisation', organisation.name);
    await records.choose('Rôle', 'Financeur');
    await records.dialog.getByLabel('Partenaire depuis le').fill('2026-02-01');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'partner-dialog');
    await records.dialog.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    await expect(records.dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Partenaire ajouté.' })).toBeVisible();

    await page.reload();
    const row = records.partnerRow(organisation.name);
    await expect(row).toContainText('Financeur');
    await expect(row).toContainText('01/02/2026');

    // The confirmation, from the keyboard: Annuler has the focus, the next button removes.
    await row.getByRole('button', { name: `Retirer ${organisation.name} (Financeur)` }).click();
    await expect(records.dialog.getByRole('heading', { name: `Retirer ${organisation.name} des partenaires ?` })).toBeVisible();
    await expect(records.dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await page.keyboard.press('Tab');
    await expect(records.dialog.getByRole('button', { name: 'Retirer le partenaire' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(records.dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `${organisation.name} a été retiré des partenaires.` })).toBeVisible();
    await expect(records.addPartnerButton).toBeFocused();

    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Partenaires' })).toBeVisible();
    await expect(records.partnerRow(organisation.name)).toHaveCount(0);
    const partners = await getJson<ProjectPartner[]>(page.request, `/api/v1/projects/${project.id}/partners`);
    expect(partners.map((p) => p.organisationId)).not.toContain(organisation.id);
  });

  test('adds a funding line with an amount typed in euros, then edits its state, and reads both back after a reload', async ({ page }) => {
    const records = new ProjectRecords(page);
    const funder = await createOrganisation(page, unique('Fondation Littoral'), 'company');
    const [project] = (await getJson<ProjectPage>(page.request, '/api/v1/projects?status=active&pageSize=1&sort=-updatedAt&page=2')).items;
    const label = unique('AAP Territoires');
    await records.goto(project.id);

    await records.addFundingButton.click();
    await expect(records.dialog.getByRole('heading', { name: 'Nouvelle ligne de financement' })).toBeVisible();
    await records.pickOrganisation('Financeur', funder.name);
    await records.dialog.getByLabel('Intitulé').fill(label);
    await records.choose('Dispositif', 'Appel à projets');
    // A wrong amount is said next to its field, and nothing is sent.
    await records.dialog.getByLabel('Montant en euros').fill('douze mille');
    await records.dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(records.dialog.getByText('Indiquez un montant en euros, avec au plus deux décimales.')).toBeVisible();
    await records.dialog.getByLabel('Montant en euros').fill('12 500');
    await records.dialog.getByLabel('Demandé le').fill('2026-03-02');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'funding-dialog');
    await records.dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(records.dialog).toBeHidden();

    await page.reload();
    const row = records.fundingRow(label);
    await expect(row).toContainText(funder.name);
    await expect(row).toContainText('Appel à projets');
    await expect(row).toContainText('Demandé');
    await expect(row).toContainText(/12\s500\s€/);

    await row.getByRole('button', { name: /^Modifier la ligne / }).click();
    await expect(records.dialog.getByRole('heading', { name: 'Modifier la ligne de financement' })).toBeVisible();
    await expect(records.dialog.getByLabel('Montant en euros')).toHaveValue('12500');
    await records.choose('État', 'Accordé');
    await records.dialog.getByLabel('Décidé le').fill('2026-04-10');
    await records.dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(records.dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Ligne de financement modifiée.' })).toBeVisible();

    await page.reload();
    await expect(records.fundingRow(label)).toContainText('Accordé');
    const funding = await getJson<ProjectFunding>(page.request, `/api/v1/projects/${project.id}/funding`);
    const line = funding.items.find((l) => l.label === label) as FundingLine;
    expect(line).toMatchObject({ funderId: funder.id, scheme: 'appel_a_projets', amountCents: 1_250_000, status: 'granted', requestedOn: '2026-03-02', decidedOn: '2026-04-10', version: 2 });
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'project-partners-funding');
  });
});

test.describe('as a project lead', () => {
  test.use({ signedInAs: 'project_lead' });

  test('reads the partners and funding of their project, with nothing to change there', async ({ page, me }) => {
    const records = new ProjectRecords(page);
    const [project] = (await getJson<ProjectPage>(page.request, `/api/v1/projects?lead=${me?.id}&pageSize=1`)).items;
    await records.goto(project.id);
    await expect(page.getByRole('heading', { level: 2, name: 'Financements' })).toBeVisible();
    await expect(records.addPartnerButton).toHaveCount(0);
    await expect(records.addFundingButton).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Retirer|Modifier la ligne) / })).toHaveCount(0);
  });
});
