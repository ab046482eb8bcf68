import type { Lab } from '@sillon/contracts';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { xsrfHeaders } from '../fixtures/api';
import { expect, test } from '../fixtures/test';
import { ProjectsPage } from '../pages/projects-page';
import { SignInPage } from '../pages/sign-in-page';

test.describe.configure({ timeout: 120_000 });

// Exports are limited to 20 a minute per person. The 21st click on an export link must say so in
// French, on the page, not open the problem+json as a page. The account is made for the test, so
// that no other journey of the run finds its limit used up.
test.describe('past the per-person export limit', () => {
  test.use({ signedInAs: 'admin' });

  test('the export link says in French to wait, and the page stays', async ({ page, browser, baseURL }) => {
    const labs = (await (await page.request.get('/api/v1/labs')).json()) as Lab[];
    const lille = labs.find((lab) => lab.name.includes('Lille'));
    expect(lille, 'the demo Lille lab').toBeDefined();
    const email = `export.limite.${Date.now()}@demo.sillon.fr`;
    const password = 'un-mot-de-passe-sur';
    const created = await page.request.post('/api/v1/users', {
      data: { email, displayName: 'Essai Limite Export', role: 'lab_manager', labId: lille?.id, password },
      headers: await xsrfHeaders(page),
    });
    expect(created.status()).toBe(201);

    // Without cookies of its own: a new context inherits the test's storage state (the admin's
    // session), and signing in over it would end that session for the rest of the run.
    const context = await browser.newContext({
      baseURL,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      acceptDownloads: true,
      storageState: { cookies: [], origins: [] },
    });
    const manager = await context.newPage();
    const signIn = new SignInPage(manager);
    await signIn.goto();
    await signIn.signIn(email, password);
    await expect(manager).not.toHaveURL(/connexion/);
    const projects = new ProjectsPage(manager);
    await projects.goto();
    await expect(projects.rows.first()).toBeVisible({ timeout: 20_000 });

    // The link works while the limit allows it…
    const first = await projects.download(projects.exportCsv);
    expect(first.filename).toMatch(/^sillon-projets-\d{4}-\d{2}-\d{2}\.csv$/);
    // …then the same person uses the rest of the minute's 20 exports.
    for (let i = 1; i < 20; i++) {
      const response = await manager.request.get('/api/v1/projects.csv');
      expect(response.status(), `export ${i + 1}`).toBe(200);
    }

    const url = manager.url();
    await projects.exportXlsx.click();
    const alert = manager.locator('mat-snack-bar-container');
    await expect(alert).toContainText(/Trop de demandes en une minute\. Réessayez dans \d+ s\./);
    expect(manager.url()).toBe(url);
    await expectNoAccessibilityViolations(manager);
    await context.close();
  });
});
