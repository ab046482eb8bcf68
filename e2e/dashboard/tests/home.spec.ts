import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { HomePage } from '../pages/home-page';

// Journeys of several steps, each waiting on the API: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('sees the key figures of the lab, both charts with their tables, stalled projects and overdue milestones', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();

    await expect(home.figure('Projets actifs')).toContainText(/\d/);
    for (const label of ["Projets à l'arrêt", 'Jalons en retard', /Participants en \d{4}/, 'Financements accordés']) {
      await expect(home.figure(label)).toBeVisible();
    }
    await expect(home.figure('Financements accordés')).toContainText('€');
    const stages = home.table('Projets actifs par étape du pipeline');
    await expect(stages.getByRole('rowheader')).toHaveText(['Co-design', 'Idéation', 'Prototypage', 'Incubation', "Changement d'échelle", 'Total']);
    // Départements by name, with their code.
    await expect(home.table('Projets actifs par département').getByRole('rowheader', { name: 'Nord (59)' })).toBeVisible();
    await expect(home.section('Jalons en retard').getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('img', { name: /^Projets actifs par étape du pipeline : Co-design \d+/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'home-lab-manager');
  });

  test('changes the number of days after which a project counts as stalled, kept in the URL', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();
    await expect(home.figure("Projets à l'arrêt")).toContainText('depuis 60 jours');

    await page.getByRole('combobox', { name: 'Sans activité depuis' }).click();
    await page.getByRole('option', { name: '180 jours' }).click();

    await expect(page).toHaveURL(/stalledDays=180/);
    await expect(home.figure("Projets à l'arrêt")).toContainText('depuis 180 jours');
  });

  test('an overdue milestone leads to its project', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();
    const first = home.section('Jalons en retard').getByRole('link').first();
    await first.click();
    await expect(page).toHaveURL(/\/projets\/[0-9a-f-]{36}$/);
  });
});

test.describe('as a project lead', () => {
  test.use({ signedInAs: 'project_lead' });

  test('sees their own projects first', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();
    const headings = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect(headings.first()).toHaveText('Mes projets');
    await expect(home.section('Mes projets').getByRole('listitem').first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'home-project-lead');
  });
});

test.describe('as a regional director', () => {
  test.use({ signedInAs: 'regional_director' });

  test('sees the figures of the region, on a phone too', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();
    await expect(page.getByText(/Voici le portefeuille de Région /)).toBeVisible();
    await expect(home.figure('Projets actifs')).toContainText(/\d/);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'home-director');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(home.table('Projets actifs par étape du pipeline')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'home-phone');
  });
});
