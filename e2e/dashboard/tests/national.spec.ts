import { Lab, Organisation, Page as ListPage } from '@sillon/contracts';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { OrganisationPage } from '../pages/organisation-page';
import { ProjectsPage } from '../pages/projects-page';
import { ReportsPage } from '../pages/reports-page';
import { Shell } from '../pages/shell';

// The national direction (national@demo.sillon.fr): every region's portfolio, read only, without
// contacts nor journal.
test.describe('as the national direction', () => {
  test.use({ signedInAs: 'national' });

  test('the navigation offers the portfolio of every region, without Journal nor Administration', async ({ page }) => {
    const shell = new Shell(page);
    await page.goto('/');
    await expect(shell.toolbar).toContainText('Direction nationale');
    await expect(shell.main).toContainText('Toutes les régions');
    expect(await shell.sectionLabels()).toEqual(['Tableau de bord', 'Pipeline', 'Projets', 'Jalons', 'Activités', 'Rapports', 'Organisations']);
    await page.goto('/journal');
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/administration');
    await expect(page).toHaveURL(/\/$/);
    await expectNoAccessibilityViolations(page);
  });

  test('reads the activities of the labs, with no way to record one', async ({ page }) => {
    await page.goto('/activites');
    await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
    // The demo's activities are the Lille lab's, in Hauts-de-France; some are linked to its projects.
    await expect(page.locator('tbody tr').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('tbody').getByRole('link').first()).toContainText('LIL-');
    // Reading every lab, the national direction sees whose activity each one is.
    await expect(page.locator('tbody tr').first()).toContainText("Lab d'innovation publique de Lille");
    await expect(page.getByRole('button', { name: 'Nouvelle activité' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Modifier' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });

  test('lists projects of two regions, with no way to create one', async ({ page }) => {
    const labs = (await (await page.request.get('/api/v1/labs')).json()) as Lab[];
    const regions = new Set(labs.map((l) => l.regionName));
    expect(regions.size).toBeGreaterThan(1);
    const projects = new ProjectsPage(page);
    for (const lab of labs.filter((l) => l.code === 'LIL' || l.code === 'NAN')) {
      await projects.goto(`?lab=${lab.id}`);
      await expect(projects.rows.first()).toContainText(`${lab.code}-`);
    }
    await projects.goto();
    await expect(projects.heading).toBeVisible();
    await expect(projects.rows.first()).toBeVisible();
    await expect(projects.createButton).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Lab' }).click();
    await expect(page.getByRole('option', { name: 'Lab de Nancy' })).toBeVisible();
    await expect(page.getByRole('option', { name: "Lab d'innovation publique de Lille" })).toBeVisible();
    await page.keyboard.press('Escape');
    await expectNoAccessibilityViolations(page);
  });

  test('Rapports chooses a region, and the figures cover its labs only', async ({ page }) => {
    const reports = new ReportsPage(page);
    await reports.goto();
    await expect(reports.scopeLine).toContainText('Lab de Nancy');
    await expect(reports.scopeLine).toContainText('Lille');
    const region = page.getByRole('combobox', { name: 'Région' });
    await region.click();
    await page.getByRole('option', { name: 'Grand Est' }).click();
    await reports.show();
    await expect(page).toHaveURL(/region=[0-9a-f-]{36}/);
    await expect(reports.scopeLine).toContainText('Lab de Nancy');
    await expect(reports.scopeLine).not.toContainText('Lille');
    await expect(reports.figure('Projets')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Excel (XLSX)' })).toHaveAttribute('href', /region=/);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'national-reports');
  });

  test('an organisation shows no contacts', async ({ page }) => {
    const labs = (await (await page.request.get('/api/v1/labs')).json()) as Lab[];
    const lille = labs.find((l) => l.code === 'LIL');
    const organisations = (await (await page.request.get(`/api/v1/organisations?lab=${lille?.id}`)).json()) as ListPage<Organisation>;
    expect(organisations.total).toBeGreaterThan(0);
    const organisation = new OrganisationPage(page);
    await organisation.goto(organisations.items[0].id);
    await expect(organisation.heading).toHaveText(organisations.items[0].name);
    await expect(page.getByText('la direction nationale ne les consulte pas')).toBeVisible();
    await expect(organisation.contacts).toHaveCount(0);
    await expect(organisation.addContactButton).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });
});
