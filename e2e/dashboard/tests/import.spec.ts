import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { unique } from '../fixtures/api-writes';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { ImportPage } from '../pages/import-page';
import { ProjectsPage } from '../pages/projects-page';
import { Shell } from '../pages/shell';

test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 15_000 });

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('imports a spreadsheet of projects: a French error on the bad row, the file fixed, a clean dry run, the import, and again nothing created', async ({ page }) => {
    const shell = new Shell(page);
    const importPage = new ImportPage(page);
    const projects = new ProjectsPage(page);
    const first = unique('Ressourcerie importée');
    const second = unique('Fablab importé');
    const header = 'Nom du projet;Étape;Départements';
    const bad = `${header}\n${first};Idéation;59\n${second};Prototype;62\n`;
    const fixed = `${header}\n${first};Idéation;59\n${second};Prototypage;62\n`;

    await page.goto('/');
    await shell.link('Import').click();
    await expect(importPage.heading).toBeVisible();
    await expect(page).toHaveTitle('Import · Sillon');
    await expectNoAccessibilityViolations(page);

    // The file with a bad row, read from the keyboard.
    await importPage.choose('suivi.csv', bad);
    await importPage.readButton.focus();
    await page.keyboard.press('Enter');
    const mappingHeading = page.getByRole('heading', { level: 2, name: '2. Les colonnes' });
    await expect(mappingHeading).toBeFocused();
    await expect(importPage.field('Nom du projet')).toContainText('Nom du projet');
    await expect(importPage.field('Étape')).toContainText('Étape');
    await expect(importPage.field('Départements')).toContainText('Départements');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'import-mapping');

    await importPage.checkButton.click();
    await expect(importPage.reportSummary).toHaveText('2 lignes lues : 1 ligne à créer, 0 déjà présente (inchangée), 1 en erreur.');
    const errorRow = importPage.reportRows.first();
    await expect(errorRow).toContainText('Erreur');
    await expect(errorRow).toContainText(
      "Ligne 3, colonne « Étape » : « Prototype » n'est pas une étape connue (Co-design, Idéation, Prototypage, Incubation, Changement d'échelle).",
    );
    await expect(importPage.importButton).toBeDisabled();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'import-report-errors');

    // The fixed file: a clean dry run, then the import, from the keyboard.
    await importPage.choose('suivi.csv', fixed);
    await expect(importPage.report).toHaveCount(0);
    await importPage.readButton.click();
    await expect(mappingHeading).toBeFocused();
    await importPage.checkButton.focus();
    await page.keyboard.press('Enter');
    await expect(importPage.reportSummary).toHaveText('2 lignes lues : 2 lignes à créer, 0 déjà présente (inchangée), 0 en erreur.');
    await expect(importPage.importButton).toBeEnabled();
    await importPage.importButton.focus();
    await page.keyboard.press('Enter');
    await expect(importPage.result).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'enregistrements créés' })).toHaveText('2 lignes lues : 2 enregistrements créés, 0 déjà présente (inchangée).');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'import-done');

    // The projects are in Projets.
    await page.getByRole('link', { name: 'Voir les projets' }).click();
    await expect(projects.heading).toBeVisible();
    await projects.search.fill(first);
    await expect(projects.rows.filter({ hasText: first })).toHaveCount(1);
    await projects.search.fill(second);
    await expect(projects.rows.filter({ hasText: second })).toHaveCount(1);
    await expect(projects.rows.filter({ hasText: second })).toContainText('Prototypage');

    // The same file again: both rows already there, the import creates nothing.
    await shell.link('Import').click();
    await importPage.choose('suivi.csv', fixed);
    await importPage.readButton.click();
    await importPage.checkButton.click();
    await expect(importPage.reportSummary).toHaveText('2 lignes lues : 0 ligne à créer, 2 déjà présentes (inchangées), 0 en erreur.');
    await expect(page.getByText("Toutes les lignes sont déjà dans Sillon : l'import ne créerait rien.")).toBeVisible();
    await importPage.importButton.click();
    await expect(page.getByRole('status').filter({ hasText: 'créé' })).toHaveText('2 lignes lues : 0 enregistrement créé, 2 déjà présentes (inchangées).');
    await projects.goto();
    await projects.search.fill(first);
    await expect(projects.rows.filter({ hasText: first })).toHaveCount(1);
  });
});

test.describe('as a project lead', () => {
  test.use({ signedInAs: 'project_lead' });

  test('has no Import in the sidebar', async ({ page }) => {
    await page.goto('/projets');
    await expect(new Shell(page).link('Journal')).toHaveCount(0);
    await expect(new Shell(page).link('Import')).toHaveCount(0);
  });
});
