import { ProjectCommon, ProjectPage } from '@sillon/contracts';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { getJson, unique } from '../fixtures/api-writes';
import { expect, test } from '../fixtures/test';
import { ProjectCommonsSection } from '../pages/project-commons';

// One journey through two dialogs and several reloads, each waiting on the API.
test.describe.configure({ timeout: 150_000 });
test.use({ actionTimeout: 15_000 });

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('publishes a commons with a reuse, is told at its field when the address is wrong, then edits and deletes it', async ({ page }) => {
    const commons = new ProjectCommonsSection(page);
    const [project] = (await getJson<ProjectPage>(page.request, '/api/v1/projects?status=active&pageSize=1&sort=-updatedAt&page=3')).items;
    const title = unique('Boîte à outils de la médiation');
    await commons.goto(project.id);

    await commons.addButton.click();
    await expect(commons.dialog.getByRole('heading', { name: 'Nouveau commun' })).toBeVisible();
    await commons.field('Titre').fill(title);
    await commons.choose('Nature', 'Logiciel');
    await commons.choose('Licence', 'EUPL 1.2');
    // Looks like an address, but has no real host: the API refuses it and says so at the field.
    await commons.field('Adresse web (dépôt ou page)').fill('https://intranet');
    await commons.dialog.getByLabel('Publié le').fill('2026-09-15');
    await commons.dialog.getByRole('button', { name: 'Ajouter une réutilisation' }).click();
    await expect(commons.field('Territoire (réutilisation 1)')).toBeFocused();
    await commons.field('Territoire (réutilisation 1)').fill('Ville de Tourcoing');
    await commons.choose('Département (réutilisation 1)', 'Nord (59)');
    await commons.dialog.getByLabel('Depuis le (réutilisation 1)').fill('2026-10-01');
    await expectNoAccessibilityViolations(page);
    await commons.save();
    const url = commons.field('Adresse web (dépôt ou page)');
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(commons.dialog.locator('mat-error').filter({ hasText: 'Une adresse web (https://…) valide est attendue.' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    expect((await getJson<ProjectCommon[]>(page.request, `/api/v1/projects/${project.id}/commons`)).map((c) => c.title)).not.toContain(title);

    await url.fill('https://code.example.org/mediation/boite-a-outils');
    await commons.save();
    await expect(commons.dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Commun ajouté.' })).toBeVisible();

    await page.reload();
    await expect(commons.card(title)).toContainText('Logiciel · EUPL 1.2 · publié le 15/09/2026');
    await expect(commons.card(title)).toContainText('Ville de Tourcoing');
    await expect(commons.card(title)).toContainText('Nord (59)');
    await expect(commons.card(title).getByRole('link', { name: /code\.example\.org/ })).toHaveAttribute('href', 'https://code.example.org/mediation/boite-a-outils');

    await commons.card(title).getByRole('button', { name: `Modifier le commun ${title}` }).click();
    await expect(commons.dialog.getByRole('heading', { name: 'Modifier le commun' })).toBeVisible();
    await commons.choose('Licence', 'AGPL-3.0');
    await commons.dialog.getByRole('button', { name: 'Retirer la réutilisation 1' }).click();
    await commons.save();
    await expect(commons.dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Commun modifié.' })).toBeVisible();
    await page.reload();
    await expect(commons.card(title)).toContainText('Logiciel · AGPL-3.0');
    await expect(commons.card(title)).not.toContainText('Ville de Tourcoing');

    // The shared confirmation, from the keyboard: Annuler has the focus, the next button deletes.
    await commons.card(title).getByRole('button', { name: `Supprimer le commun ${title}` }).click();
    await expect(commons.dialog.getByRole('heading', { name: `Supprimer le commun « ${title} » ?` })).toBeVisible();
    await expect(commons.dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(commons.dialog.getByRole('button', { name: 'Supprimer le commun' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(commons.dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `Le commun « ${title} » a été supprimé.` })).toBeVisible();
    await expect(commons.addButton).toBeFocused();

    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Communs' })).toBeVisible();
    await expect(commons.card(title)).toHaveCount(0);
  });
});

test.describe('as the regional director', () => {
  test.use({ signedInAs: 'regional_director' });

  test('reads the commons of a project without a way to change them', async ({ page }) => {
    const commons = new ProjectCommonsSection(page);
    const [project] = (await getJson<ProjectPage>(page.request, '/api/v1/projects?pageSize=1')).items;
    await commons.goto(project.id);
    await expect(commons.addButton).toHaveCount(0);
    await expect(commons.section.getByRole('button', { name: /^Modifier le commun/ })).toHaveCount(0);
  });
});
