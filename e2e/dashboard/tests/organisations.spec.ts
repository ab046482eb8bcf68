import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { expect, test } from '../fixtures/test';
import { OrganisationsPage } from '../pages/organisations-page';

test.describe.configure({ timeout: 120_000 });
test.use({ actionTimeout: 15_000 });

test.describe('as a regional director', () => {
  test.use({ signedInAs: 'regional_director' });

  test('the Organisations filters live in the URL: a reload keeps them, the back button restores the previous ones', async ({ page }) => {
    const organisations = new OrganisationsPage(page);
    await organisations.goto();
    await expect(organisations.table.getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 });

    await organisations.search.fill('solidaires nord');
    await expect(page).toHaveURL(/[?&]q=solidaires(\+|%20)nord/);
    await expect(organisations.rows).toHaveCount(1);
    await expect(organisations.rows.first()).toContainText('SCIC Cuisines solidaires du Nord');
    // The département by name, not its code.
    await expect(organisations.rows.first()).toContainText('Nord');

    await organisations.search.fill('');
    await expect(page).not.toHaveURL(/[?&]q=/);
    await organisations.filterType('Association');
    await expect(page).toHaveURL(/[?&]type=association/);
    await expect(organisations.rows.first()).toBeVisible();
    for (const type of await organisations.rows.locator('td:nth-child(2)').allTextContents()) expect(type.trim()).toBe('Association');

    await page.reload();
    await expect(organisations.typeFilter).toContainText('Association');
    await expect(organisations.rows.first()).toContainText('Association');

    await page.goBack();
    await expect(page).not.toHaveURL(/type=/);
    await page.goBack();
    await expect(page).toHaveURL(/[?&]q=solidaires(\+|%20)nord/);
    await expect(organisations.search).toHaveValue('solidaires nord');
    await expect(organisations.rows).toHaveCount(1);
    await expect(organisations.rows.first()).toContainText('SCIC Cuisines solidaires du Nord');
    await expectNoAccessibilityViolations(page);
  });
});
