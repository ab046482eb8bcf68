import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { AdministrationPage } from '../pages/administration-page';

// Several axe passes over full tables per test.
test.describe.configure({ timeout: 90_000 });

test.describe('as an admin', () => {
  test.use({ signedInAs: 'admin' });

  test('creates an account, finds it in the list and deactivates it', async ({ page }) => {
    const admin = new AdministrationPage(page);
    const stamp = Date.now();
    const displayName = `Zoé Essai ${stamp}`;
    await admin.goto();

    await admin.createUser({
      email: `zoe.essai.${stamp}@demo.sillon.fr`,
      displayName,
      role: 'Chef·fe de projet',
      lab: 'Lille',
      password: 'un-mot-de-passe-sur',
    });

    await expect(admin.dialog).toBeHidden();
    await admin.search.fill(`essai ${stamp}`);
    const row = admin.row(displayName);
    await expect(row).toContainText('Chef·fe de projet');
    await expect(row).toContainText('Actif');

    await row.getByRole('button', { name: `Désactiver ${displayName}` }).click();

    await expect(row).toContainText('Désactivé');
    await expect(row.getByRole('button', { name: `Réactiver ${displayName}` })).toBeVisible();
    await expect(page.getByText(`Compte de ${displayName} désactivé.`)).toBeVisible();
  });

  test('shows the server’s word next to the field and keeps what was typed', async ({ page }) => {
    const admin = new AdministrationPage(page);
    await admin.goto();

    await admin.createUser({
      email: 'manager@demo.sillon.fr',
      displayName: 'Doublon',
      role: 'Chef·fe de projet',
      lab: 'Lille',
      password: 'un-mot-de-passe-sur',
    });

    await expect(admin.dialog.getByRole('alert')).toContainText('Un compte existe déjà avec cette adresse e-mail.');
    await expect(admin.dialog.getByLabel('Nom affiché')).toHaveValue('Doublon');
  });

  test('each tab passes axe', async ({ page }) => {
    const admin = new AdministrationPage(page);
    await admin.goto();
    await expect(admin.usersTable.getByRole('row').nth(1)).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'administration-users');

    await admin.tab('Labs').click();
    await expect(page.getByRole('table', { name: 'Labs' })).toContainText('LIL');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'administration-labs');

    await admin.tab('Régions').click();
    await expect(page.getByRole('table', { name: 'Régions' })).toContainText('Hauts-de-France');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'administration-regions');

    await page.getByRole('button', { name: 'Nouvelle région' }).click();
    await expect(admin.dialog.getByLabel('Nom de la région')).toBeFocused();
    await expectNoAccessibilityViolations(page);
  });

  test('on a phone the accounts stay usable', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const admin = new AdministrationPage(page);
    await admin.goto();
    await expect(admin.usersTable.getByRole('row').nth(1)).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'administration-users-phone');
  });
});

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('adds a criterion to a stage and finds it after a reload', async ({ page }) => {
    const admin = new AdministrationPage(page);
    const label = `Budget validé ${Date.now()}`;
    await admin.goto();
    await expect(admin.tab('Critères de passage')).toHaveAttribute('aria-selected', 'true');
    const gate = admin.gate('Pour passer de Idéation à Prototypage');
    await expect(gate).toBeVisible();
    const before = await gate.getByRole('textbox').count();

    await gate.getByRole('button', { name: 'Ajouter un critère' }).click();
    const line = gate.getByRole('textbox', { name: `Critère ${before + 1}`, exact: true });
    await expect(line).toBeFocused();
    await line.fill(label);
    await gate.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(gate.getByRole('status')).toHaveText('Critères enregistrés.');

    await page.reload();
    const saved = admin.gate('Pour passer de Idéation à Prototypage').getByRole('textbox', { name: `Critère ${before + 1}`, exact: true });
    await expect(saved).toHaveValue(label);
  });

  test('both tabs pass axe and the team is read-only', async ({ page }) => {
    const admin = new AdministrationPage(page);
    await admin.goto();
    await expect(admin.gate('Pour passer de Co-design à Idéation')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'administration-gate-criteria');

    await admin.tab('Équipe du lab').click();
    await expect(admin.usersTable.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Modifier/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Nouvel utilisateur' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'administration-team');
  });

  test('on a phone the checklists stay usable', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const admin = new AdministrationPage(page);
    await admin.goto();
    await expect(admin.gate('Pour passer de Co-design à Idéation')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'administration-gate-criteria-phone');
  });
});
