import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { xsrfHeaders } from '../fixtures/api';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { OrganisationsPage } from '../pages/organisations-page';
import { ProjectPage } from '../pages/project-page';
import { ProjectsPage } from '../pages/projects-page';

// Axe and the first render of a page are slow on a busy CI machine.
test.describe.configure({ timeout: 120_000 });
test.use({ actionTimeout: 15_000 });
const FIRST_ROWS = { timeout: 20_000 };

test.describe('as a project lead', () => {
  test.use({ signedInAs: 'project_lead' });

  test('a project lead logs a milestone in under a minute and sees it in the timeline', async ({ page, me }) => {
    const projects = new ProjectsPage(page);
    await projects.goto();
    // Their own projects come first: the list opens filtered on them.
    await expect(page).toHaveURL(new RegExp(`lead=${me?.id}`));
    await expect(projects.rows.first()).toBeVisible(FIRST_ROWS);
    await expect(projects.createButton).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'projects-lead');

    const started = Date.now();
    const name = await projects.openProject(0);
    const project = new ProjectPage(page);
    await expect(project.heading).toHaveText(name);
    await expect(project.editButton).toBeVisible();

    const title = `Atelier usagers ${Date.now()}`;
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/milestones'));
    await project.logMilestone({ title, kind: 'Atelier', participants: 18, outcome: 'Réalisé' });
    expect((await posted).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    const logged = project.timeline.getByRole('listitem').filter({ hasText: title });
    await expect(logged).toBeVisible();
    await expect(logged).toContainText('Réalisé');
    await expect(logged).toContainText('18 participants');
    await expect(page.getByRole('status').filter({ hasText: 'consigné' })).toBeVisible();
    expect(Date.now() - started).toBeLessThan(60_000);

    // Still there after a reload: it was recorded, once.
    await page.reload();
    await expect(project.timeline.getByRole('listitem').filter({ hasText: title })).toHaveCount(1);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'project-lead');
  });

  test('the Projet page fits a 390 px wide screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const projects = new ProjectsPage(page);
    await projects.goto();
    await expect(projects.rows.first()).toBeVisible(FIRST_ROWS);
    await saveScreenshot(page, 'projects-390');
    await projects.openProject(0);
    await expect(new ProjectPage(page).logForm).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'project-390');
  });
});

test.describe('as a regional director', () => {
  test.use({ signedInAs: 'regional_director' });

  test('a regional director filters the portfolio and cannot edit', async ({ page }) => {
    const projects = new ProjectsPage(page);
    await projects.goto();
    await expect(projects.rows.first()).toBeVisible(FIRST_ROWS);
    await expect(projects.createButton).toHaveCount(0);

    await projects.filter('Santé', ['En difficulté']);
    await expect(page).toHaveURL(/[?&]health=red/);
    await expect(projects.rows.first()).toBeVisible(FIRST_ROWS);
    for (const health of await projects.rows.locator('sil-health-badge').allTextContents()) expect(health.trim()).toBe('En difficulté');

    // The filtered view is a link: opened afresh, it shows the same filter.
    const shared = page.url();
    await page.goto(shared);
    await expect(page.getByRole('combobox', { name: 'Santé' })).toContainText('En difficulté');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'projects-director');

    await projects.openProject(0);
    const project = new ProjectPage(page);
    await expect(project.heading).toBeVisible();
    await expect(page.getByText('Lecture seule')).toBeVisible();
    await expect(project.editButton).toHaveCount(0);
    await expect(project.logForm).toHaveCount(0);
    await expect(page.getByRole('heading', { name: "Journal d'audit" })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'project-director');

    // Even a hand-made request is refused by the API.
    const id = page.url().split('/').pop() as string;
    const current = await (await page.request.get(`/api/v1/projects/${id}`)).json();
    const refused = await page.request.patch(`/api/v1/projects/${id}`, {
      data: { version: current.version, name: 'Modifié par la direction' },
      headers: await xsrfHeaders(page),
    });
    expect(refused.status()).toBe(403);
    expect((await (await page.request.get(`/api/v1/projects/${id}`)).json()).name).toBe(current.name);
  });
});

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('a stale edit shows who won and keeps what the manager typed', async ({ page }) => {
    const projects = new ProjectsPage(page);
    await projects.goto('?sort=code');
    await projects.openProject(0);
    const project = new ProjectPage(page);
    await expect(page.getByRole('heading', { name: "Journal d'audit" })).toBeVisible();
    await project.editButton.click();
    await page.getByLabel('Nom du projet').fill('Nom proposé par la responsable');

    // Meanwhile someone else saves the project.
    const id = page.url().split('/').pop() as string;
    const current = await (await page.request.get(`/api/v1/projects/${id}`)).json();
    const other = await page.request.patch(`/api/v1/projects/${id}`, {
      data: { version: current.version, healthComment: 'Mis à jour ailleurs' },
      headers: await xsrfHeaders(page),
    });
    expect(other.status()).toBe(200);

    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText("Ce projet a été modifié par quelqu'un d'autre", { timeout: 15_000 });
    await expect(page.getByRole('alert')).toContainText('Mis à jour ailleurs');
    await expect(page.getByLabel('Nom du projet')).toHaveValue('Nom proposé par la responsable');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'project-conflict');

    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(project.heading).toHaveText('Nom proposé par la responsable');
    // The other person's change to a field the manager did not touch is kept.
    await expect(page.getByText('Mis à jour ailleurs')).toBeVisible();
  });

  test('a lab manager finds a project by its words in any order, then exports the filtered list', async ({ page }) => {
    const projects = new ProjectsPage(page);
    await projects.goto();
    await expect(projects.rows.first()).toBeVisible(FIRST_ROWS);

    await projects.search.fill('bibliotheque mediation');
    await expect(page).toHaveURL(/[?&]q=bibliotheque(\+|%20)mediation/);
    await expect(projects.count).toHaveText('1 projet');
    await expect(projects.rows).toHaveCount(1);
    await expect(projects.rows.first().getByRole('link')).toHaveText('Médiation numérique en bibliothèque');
    const code = (await projects.rows.first().getByRole('cell').first().textContent())?.trim();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'projects-search');

    // The file holds the list as filtered, read back row by row.
    await expect(projects.exportCsv).toHaveAttribute('href', /^\/api\/v1\/projects\.csv\?q=bibliotheque/);
    const csv = await projects.download(projects.exportCsv);
    expect(csv.filename).toMatch(/^sillon-projets-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync(csv.path), { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0].slice(0, 4)).toEqual(['Code', 'Nom', 'Lab', 'Phase']);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 2)).toEqual([code, 'Médiation numérique en bibliothèque']);
    expect(rows[1][8]).toBe('Pas-de-Calais (62)');

    const xlsx = await projects.download(projects.exportXlsx);
    expect(xlsx.filename).toMatch(/^sillon-projets-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const sheet = workbook.getWorksheet('Projets');
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(2).value).toBe('Médiation numérique en bibliothèque');
  });

  test('a lab manager records an organisation with its SIRET checked as typed', async ({ page }) => {
    const organisations = new OrganisationsPage(page);
    await organisations.goto();
    await expect(organisations.table.getByRole('row').nth(1)).toBeVisible(FIRST_ROWS);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'organisations');

    await organisations.createButton.click();
    const dialog = organisations.dialog;
    await expect(dialog.getByRole('heading', { name: 'Nouvelle organisation' })).toBeVisible();
    // The dialog puts the focus on its first field once opened; typing before would land there.
    await expect(dialog.getByLabel('Nom')).toBeFocused();
    await dialog.getByLabel('Nom').fill('Ressourcerie du Val');
    const siret = dialog.getByLabel('SIRET');
    await siret.fill('7328293200007');
    await expect(dialog.getByText('Le SIRET compte 14 chiffres (13 saisis).')).toBeVisible();
    await siret.fill('73282932000075');
    await expect(dialog.getByText(/clé de contrôle ne correspond pas/)).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'organisation-dialog');
    await siret.fill('732 829 320 00074');
    await expect(dialog.getByText(/clé de contrôle/)).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toHaveCount(0);
    await page.getByLabel('Rechercher un nom ou un SIRET').fill('Ressourcerie du Val');
    await expect(organisations.table.getByRole('row').filter({ hasText: 'Ressourcerie du Val' })).toContainText('732 829 320 00074');
  });
});
