import { OPEN_DATA_LICENCE, OpenDataFeed, THEME_LABELS_FR } from '@sillon/contracts';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { getJson } from '../fixtures/api-writes';
import { expect, test } from '../fixtures/test';
import { ShowcasePage, footerLink } from '../pages/public-pages';

test.describe('signed out', () => {
  test('shows the public projects and their commons, filtered by region and theme, with the open data and its licence', async ({ page }) => {
    const feed = await getJson<OpenDataFeed>(page.request, '/api/v1/open-data/projects.json');
    const showcase = new ShowcasePage(page);
    await showcase.goto();
    await expect(page).toHaveURL(/\/vitrine$/);
    await expect(page).toHaveTitle('Vitrine des projets · Sillon');
    await expect(showcase.projects).toHaveCount(feed.projects.length);
    await expectNoAccessibilityViolations(page);

    // A commons of the demo, with who reuses it.
    const withReuse = feed.projects.find((p) => p.commons.some((c) => c.reuses.length > 0));
    expect(withReuse).toBeDefined();
    const common = withReuse?.commons.find((c) => c.reuses.length > 0);
    const article = showcase.projects.filter({ has: page.getByRole('heading', { level: 3, name: withReuse?.name, exact: true }) });
    await expect(article.getByRole('link', { name: new RegExp(common?.title.slice(0, 20) ?? '') })).toHaveAttribute('href', common?.url ?? '');
    await expect(article).toContainText(`Réutilisé par ${common?.reuses[0].territory}`);

    await expect(page.getByRole('link', { name: /format CSV/ })).toHaveAttribute('href', '/api/v1/open-data/projects.csv');
    await expect(page.getByRole('link', { name: /format JSON/ })).toHaveAttribute('href', '/api/v1/open-data/projects.json');
    await expect(page.getByRole('link', { name: /schéma des données/ })).toHaveAttribute('href', '/api/v1/open-data/schema.json');
    await expect(page.getByRole('link', { name: new RegExp(OPEN_DATA_LICENCE.name) })).toHaveAttribute('href', OPEN_DATA_LICENCE.url);

    const region = 'Grand Est';
    const inRegion = feed.projects.filter((p) => p.regionName === region);
    expect(inRegion.length).toBeGreaterThan(0);
    await showcase.filter('Région').selectOption(region);
    await expect(showcase.projects).toHaveCount(inRegion.length);
    for (const text of await showcase.projects.locator('.meta').allTextContents()) expect(text).toContain(region);

    await showcase.filter('Région').selectOption('');
    const theme = inRegion[0].themes[0];
    await showcase.filter('Thème').selectOption({ label: THEME_LABELS_FR[theme] });
    const withTheme = feed.projects.filter((p) => p.themes.includes(theme));
    await expect(showcase.projects).toHaveCount(withTheme.length);
    await showcase.filter('Région').selectOption(region);
    await expect(showcase.projects).toHaveCount(inRegion.filter((p) => p.themes.includes(theme)).length);
    await expect(showcase.count).toContainText(`${inRegion.filter((p) => p.themes.includes(theme)).length} projet`);
    await expectNoAccessibilityViolations(page);
  });

  test('is reached from the sign-in page, and leads to the accessibility statement, from the keyboard', async ({ page }) => {
    await page.goto('/connexion');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
    await expect(footerLink(page, /^Accessibilité/)).toBeVisible();
    await footerLink(page, /^Vitrine/).click();
    await expect(new ShowcasePage(page).heading).toBeVisible();

    // Tab from the top of the page to the statement's link in the footer, and follow it with Enter.
    await page.locator('body').press('Tab');
    const link = footerLink(page, /^Accessibilité/);
    for (let n = 0; n < 40 && !(await link.evaluate((el) => el === document.activeElement)); n += 1) await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/accessibilite$/);
    await expect(page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
  });

  test('states partial compliance, how it is checked, whom to contact and the ways of appeal', async ({ page }) => {
    await page.goto('/accessibilite');
    await expect(page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible({ timeout: 20_000 });
    await expect(page).toHaveTitle("Déclaration d'accessibilité · Sillon");
    for (const heading of ['État de conformité', 'Contenus non accessibles', "Établissement de cette déclaration d'accessibilité", "Retour d'information et contact", 'Voies de recours']) {
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByText('partiellement conforme', { exact: true })).toBeVisible();
    await expect(page.getByText(/axe-core/).first()).toBeVisible();
    await expect(page.getByText('Cette déclaration a été établie le 4 décembre 2026.')).toBeVisible();
    await expect(page.getByText(/Cette adresse est un exemple/)).toBeVisible();
    await expect(page.getByText(/Libre réponse 71120/)).toBeVisible();
    await expect(page.getByText(/75342 Paris CEDEX 07/)).toBeVisible();
    await expect(page.getByRole('link', { name: /formulaire en ligne/ })).toHaveAttribute('href', 'https://formulaire.defenseurdesdroits.fr/');
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('signed in', () => {
  test.use({ signedInAs: 'project_lead' });

  test('keeps the showcase and the statement in the footer of every page', async ({ page }) => {
    await page.goto('/projets');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
    await expect(footerLink(page, /^Accessibilité/)).toHaveAttribute('href', '/accessibilite');
    await footerLink(page, /^Vitrine/).click();
    await expect(new ShowcasePage(page).heading).toBeVisible();
  });
});
