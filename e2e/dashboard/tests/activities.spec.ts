import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { createProject } from '../fixtures/api';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { ActivitiesPage } from '../pages/activities-page';

// Axe and the first render of a page are slow on a busy CI machine.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 15_000 });

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('the Activités page lists the demo lab’s activities, its filters in the URL', async ({ page }) => {
    const activities = new ActivitiesPage(page);
    await activities.goto();
    await expect(activities.heading).toBeVisible();
    await expect(activities.row('Fête du lab')).toContainText('1 500');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'activities');

    await activities.select('Type', 'Visite');
    await expect(page).toHaveURL(/[?&]kind=visit/);
    await expect(activities.rows.first()).toBeVisible();
    for (const text of await activities.rows.locator('td:nth-child(2) .meta').allTextContents()) expect(text).toContain('Visite');
    await page.getByLabel('Du', { exact: true }).fill('2026-01-01');
    await page.getByLabel('Du', { exact: true }).blur();
    await expect(page).toHaveURL(/[?&]from=2026-01-01/);
    await page.goto(page.url());
    await expect(page.getByRole('combobox', { name: 'Type' })).toContainText('Visite');
    await expect(activities.row('Visites scolaires du lab')).toBeVisible();
    await expect(activities.row('Visite de la préfète au lab')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', /activities\.csv\?.*kind=visit/);
  });

  test('records an activity with its attendance, reads it back, edits, refuses a bad date beside its field, deletes', async ({ page }) => {
    const project = await createProject(page, `Recyclerie créative ${Date.now()}`);
    const title = `Atelier créatif ${Date.now().toString(36)}`;
    const activities = new ActivitiesPage(page);
    await activities.goto();

    // From the keyboard: the button opens the dialog, the title takes the focus.
    await activities.createButton.focus();
    await page.keyboard.press('Enter');
    const dialog = activities.dialog;
    await expect(dialog.getByRole('heading', { name: 'Nouvelle activité' })).toBeVisible();
    await expect(dialog.getByLabel('Intitulé')).toBeFocused();
    await page.keyboard.type(title);
    await dialog.getByLabel('Date de début').fill('2026-03-12');
    await dialog.getByLabel('Lieu').fill('Lille, Fives');
    await dialog.getByRole('combobox', { name: 'Projets liés' }).click();
    await page.getByRole('option', { name: new RegExp(project.name) }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: 'Animé avec' }).click();
    await page.getByRole('option', { name: 'Les Jardins partagés de Fives' }).click();
    await page.getByRole('option', { name: 'CCAS de Lille' }).click();
    await page.keyboard.press('Escape');
    await activities.attendance('Citoyens').fill('40');
    await activities.attendance('Associations').fill('8');
    await activities.attendance('Collectivités').fill('3');
    await expect(dialog.locator('output')).toHaveText('51 participants');
    await activities.attendance('Entreprises').fill('-2');
    await activities.attendance('Entreprises').blur();
    await expect(dialog.getByText('Un nombre entier, 0 ou plus.')).toBeVisible();
    await expect(dialog.locator('output')).toHaveText('51 participants');
    await activities.attendance('Entreprises').fill('2');
    await expect(dialog.locator('output')).toHaveText('53 participants');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'activity-dialog');
    await dialog.getByRole('button', { name: "Enregistrer l'activité" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(activities.announcement).toContainText(`Activité « ${title} » enregistrée : 53 participants.`);

    // Read back after a reload.
    await page.reload();
    const row = activities.row(title);
    await expect(row).toContainText('12/03/2026');
    await expect(row).toContainText('53');
    await expect(row).toContainText('Citoyens : 40');
    await expect(row).toContainText(project.name);
    await expect(row).toContainText('CCAS de Lille');

    // Edit: the end date before the start is refused by the API, its message beside the field.
    await row.getByRole('button', { name: 'Modifier' }).click();
    await expect(dialog.getByRole('heading', { name: "Modifier l'activité" })).toBeVisible();
    await expect(dialog.getByLabel('Intitulé')).toHaveValue(title);
    await expect(activities.attendance('Citoyens')).toHaveValue('40');
    await dialog.getByLabel('Date de fin').fill('2026-03-10');
    await dialog.getByRole('button', { name: "Enregistrer l'activité" }).click();
    const endField = dialog.locator('mat-form-field').filter({ hasText: 'Date de fin' });
    await expect(endField.getByText('La date de fin ne peut pas précéder la date de début.')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await dialog.getByLabel('Date de fin').fill('2026-03-13');
    await activities.attendance('Citoyens').fill('140');
    await expect(dialog.locator('output')).toHaveText('153 participants');
    await dialog.getByRole('button', { name: "Enregistrer l'activité" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(activities.row(title)).toContainText('153');
    await expect(activities.row(title)).toContainText('13/03/2026');

    // The project page shows the activity, read-only.
    await page.goto(`/projets/${project.id}`);
    const section = page.getByRole('region', { name: 'Activités du lab liées au projet' });
    await expect(section).toContainText(title);
    await expect(section).toContainText('153 participants');

    // Delete after the shared confirmation, from the keyboard.
    await activities.goto(`?q=${encodeURIComponent(title)}`);
    await activities.row(title).getByRole('button', { name: 'Supprimer' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm.getByRole('heading', { name: `Supprimer l'activité « ${title} » ?` })).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await page.keyboard.press('Tab');
    await expect(confirm.getByRole('button', { name: "Supprimer l'activité" })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(activities.announcement).toContainText(`Activité « ${title} » supprimée.`);
    await expect(activities.announcement).toBeFocused();
    await expect(activities.row(title)).toHaveCount(0);
    await page.reload();
    await expect(activities.count).toContainText('Aucune activité');
  });
});

test.describe('as a regional director', () => {
  test.use({ signedInAs: 'regional_director' });

  test('reads the region’s activities and the Rapports figures, without any button to change them', async ({ page }) => {
    const activities = new ActivitiesPage(page);
    await activities.goto();
    await expect(activities.row('Fête du lab')).toBeVisible();
    await expect(activities.createButton).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Modifier' })).toHaveCount(0);

    await page.goto('/rapports?from=2026-01-01&to=2026-12-31');
    const section = page.getByRole('region', { name: 'Activités du lab' });
    await expect(section.getByRole('table', { name: 'Activités et participants par type' })).toContainText('Visite');
    await expect(section.getByRole('table', { name: "Participants aux activités par type d'acteur" })).toContainText('Citoyens');
    await expectNoAccessibilityViolations(page);
  });
});
