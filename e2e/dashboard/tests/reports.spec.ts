import ExcelJS from 'exceljs';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { ReportsPage } from '../pages/reports-page';

// Several round trips to the API and a download: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe('as a regional director', () => {
  test.use({ signedInAs: 'regional_director' });

  test('sets a period, sees the figures of the region, shares the URL and downloads the XLSX', async ({ page }) => {
    const reports = new ReportsPage(page);
    await reports.goto();
    await expect(reports.scopeLine).toBeVisible();

    await reports.setPeriod('01/01/2026', '30/06/2026');
    await reports.show();

    await expect(page).toHaveURL(/from=2026-01-01&to=2026-06-30/);
    await expect(reports.scopeLine).toContainText('Période du 01/01/2026 au 30/06/2026');
    await expect(reports.figure('Projets')).toContainText(/\d/);
    await expect(reports.table('Projets par étape').getByRole('rowheader')).toHaveText([
      'Co-design',
      'Idéation',
      'Prototypage',
      'Incubation',
      "Changement d'échelle",
      'Total',
    ]);
    await expect(page.getByRole('img', { name: /^Projets par étape : Co-design \d+/ })).toBeVisible();
    await expect(reports.table(/^Projets du périmètre/)).toBeVisible();
    const projects = Number((await reports.figure('Projets').locator('.value').textContent())?.replace(/\D/g, ''));

    // The same scope, shared by its URL, gives the same figures.
    const shared = page.url();
    await page.goto('/');
    await page.goto(shared);
    await expect(reports.scopeLine).toContainText('Période du 01/01/2026 au 30/06/2026');
    await expect(page.getByRole('textbox', { name: 'Du', exact: true })).toHaveValue('01/01/2026');

    const download = await reports.download('Excel (XLSX)');
    expect(download.suggestedFilename()).toMatch(/^sillon-rapport-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    let projectsInFile: unknown = null;
    workbook.getWorksheet('Synthèse')?.eachRow((row) => {
      if (row.getCell(1).value === 'Projets') projectsInFile = row.getCell(2).value;
    });
    expect(projectsInFile).toBe(projects);

    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'reports-regional-director');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(reports.heading).toBeVisible();
    await saveScreenshot(page, 'reports-regional-director-390');
  });
});
