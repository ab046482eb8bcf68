import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { Shell } from '../pages/shell';
import { SignInPage } from '../pages/sign-in-page';

test.describe('signed out', () => {
  test('the sign-in page speaks French and passes axe', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();

    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle('Connexion · Sillon');
    await expect(signIn.heading).toBeVisible();
    await expect(signIn.email).toBeFocused();
    await expect(signIn.email).toHaveAttribute('autocomplete', 'username');
    await expect(signIn.password).toHaveAttribute('autocomplete', 'current-password');

    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'sign-in');
  });

  test('a page asked for while signed out opens after signing in', async ({ page }) => {
    await page.goto('/projets');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fprojets$/);

    const signIn = new SignInPage(page);
    const answered = page.waitForResponse('**/api/v1/auth/login');
    await signIn.signIn(DEMO_ACCOUNTS.project_lead, DEMO_PASSWORD);
    expect((await answered).status()).toBe(200);
    // Who signed in, asked with the page's own cookies: the sign-in answer's body may be gone once
    // the app has moved on to the page asked for.
    const me = await (await page.request.get('/api/v1/auth/me')).json();

    const shell = new Shell(page);
    // A project lead lands on their own projects.
    await expect(page).toHaveURL(new RegExp(`/projets\\?lead=${me.id}$`));
    await expect(page).toHaveTitle('Projets · Sillon');
    await expect(shell.toolbar).toContainText(me.displayName);
    await expect(shell.toolbar).toContainText('Chef·fe de projet');
    await expect(shell.signOutButton).toBeVisible();
  });

  test('wrong credentials are refused in French', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();

    await signIn.signIn(DEMO_ACCOUNTS.project_lead, 'not-the-password');

    await expect(signIn.error).toHaveText('Adresse e-mail ou mot de passe incorrect.');
    await expect(signIn.error).toBeFocused();
    await expect(signIn.password).toHaveValue('');
  });
});

test.describe('as a project lead', () => {
  test.use({ signedInAs: 'project_lead' });

  test('the home page shows the French shell, the person and passes axe', async ({ page, me }) => {
    const shell = new Shell(page);
    await page.goto('/');

    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle('Tableau de bord · Sillon');
    await expect(shell.heading('Tableau de bord')).toBeVisible();
    expect(await shell.sectionLabels()).toEqual(['Tableau de bord', 'Pipeline', 'Projets', 'Jalons', 'Activités', 'Organisations']);
    await expect(shell.link('Tableau de bord')).toHaveAttribute('aria-current', 'page');
    await expect(shell.toolbar).toContainText(me?.displayName ?? '');
    await expect(shell.toolbar).toContainText('Chef·fe de projet');
    await expect(shell.signOutButton).toBeVisible();

    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'home');
  });

  test('the navigation leads to each section with its title', async ({ page, me }) => {
    const shell = new Shell(page);
    await page.goto('/');

    await shell.link('Projets').click();

    // A project lead lands on their own projects.
    await expect(page).toHaveURL(new RegExp(`/projets\\?lead=${me?.id}$`));
    await expect(page).toHaveTitle('Projets · Sillon');
    await expect(shell.heading('Projets')).toBeVisible();
    await expect(shell.link('Projets')).toHaveAttribute('aria-current', 'page');
  });

  test('a section the role may not use is out of reach', async ({ page }) => {
    const shell = new Shell(page);
    await page.goto('/administration');

    await expect(page).toHaveURL(/\/$/);
    await expect(shell.heading('Tableau de bord')).toBeVisible();
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    const shell = new Shell(page);
    await page.goto('/');
    await expect(shell.heading('Tableau de bord')).toBeVisible();

    await page.keyboard.press('Tab');
    await expect(shell.skipLink).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(shell.main).toBeFocused();
    await expect(page).toHaveURL(/\/$/);
  });

  test('on a phone the navigation opens from the menu button', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const shell = new Shell(page);
    await page.goto('/');

    await expect(shell.navigation).toBeHidden();
    await shell.menuButton.click();
    await shell.link('Organisations').click();

    await expect(page).toHaveURL(/\/organisations$/);
    await expect(shell.heading('Organisations')).toBeVisible();
    await expect(shell.navigation).toBeHidden();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'organisations-phone');
  });
});

test.describe('as an admin', () => {
  test.use({ signedInAs: 'admin' });

  test('only Administration is in the navigation, and the portfolio pages lead there', async ({ page }) => {
    const shell = new Shell(page);
    await page.goto('/administration');

    await expect(shell.heading('Administration')).toBeVisible();
    expect(await shell.sectionLabels()).toEqual(['Administration']);
    await expect(shell.link('Administration')).toHaveAttribute('aria-current', 'page');

    for (const path of ['/', '/projets', '/rapports']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/administration$/);
      await expect(shell.heading('Administration')).toBeVisible();
    }
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('Rapports and Administration are offered', async ({ page }) => {
    const shell = new Shell(page);
    await page.goto('/rapports');

    await expect(shell.heading('Rapports')).toBeVisible();
    await expect(shell.link('Rapports')).toBeVisible();
    await expect(shell.link('Administration')).toBeVisible();
  });
});

test.describe('signing out', () => {
  // Signs in through the page rather than reusing a saved session: signing out ends that session.
  test('ends the session and returns to the sign-in page', async ({ page }) => {
    const signIn = new SignInPage(page);
    const shell = new Shell(page);
    await signIn.goto();
    await signIn.signIn(DEMO_ACCOUNTS.regional_director, DEMO_PASSWORD);
    await expect(shell.toolbar).toContainText('Direction régionale');

    await shell.signOutButton.click();

    await expect(signIn.heading).toBeVisible();
    await page.goto('/pipeline');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fpipeline$/);
  });
});
