import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { createOrganisation, todayInParis, unique } from '../fixtures/api-writes';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { JournalPage } from '../pages/journal-page';
import { Shell } from '../pages/shell';

test.describe.configure({ timeout: 120_000 });
test.use({ actionTimeout: 15_000 });

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('opens the Journal from the sidebar and filters it by kind, person and day, the filters kept in the URL', async ({ page, me }) => {
    const shell = new Shell(page);
    const journal = new JournalPage(page);
    const organisation = await createOrganisation(page, unique('Épicerie du Faubourg'));
    const today = todayInParis();

    await page.goto('/');
    await shell.link('Journal').click();
    await expect(journal.heading).toBeVisible();
    await expect(page).toHaveTitle('Journal · Sillon');
    await expect(journal.summary).toContainText(/\d+ évènements?/, { timeout: 20_000 });
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'journal');

    // Kind of record, from the keyboard.
    await journal.kind.focus();
    await page.keyboard.press('Enter');
    const option = page.getByRole('option', { name: 'Organisation', exact: true });
    await expect(option).toBeVisible();
    while (!(await option.evaluate((el) => el.classList.contains('mat-mdc-option-active')))) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/entity=organisation/);
    await expect(journal.summary).toContainText('correspondant aux filtres');
    const created = journal.rows.filter({ hasText: organisation.name });
    await expect(created).toContainText('Organisation');
    await expect(created).toContainText('Création');
    await expect(journal.rows.filter({ hasNotText: 'Organisation' })).toHaveCount(0);

    // The person, and today in Paris.
    await journal.person.click();
    await page.getByRole('option', { name: me?.displayName ?? '', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`actor=${me?.id}`));
    await journal.from.fill(today);
    await journal.from.dispatchEvent('change');
    await journal.to.fill(today);
    await journal.to.dispatchEvent('change');
    await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
    await expect(created).toContainText(me?.displayName ?? '');

    // A reload (or a shared link) shows the same journal.
    const url = page.url();
    await page.reload();
    await expect(page).toHaveURL(url);
    await expect(journal.kind).toContainText('Organisation');
    await expect(journal.person).toContainText(me?.displayName ?? '');
    await expect(journal.from).toHaveValue(today);
    await expect(journal.rows.filter({ hasText: organisation.name })).toContainText('Création');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'journal-filtered');

    // A day with nothing in it says so.
    await journal.goto('?entity=organisation&from=2001-01-01&to=2001-01-31');
    await expect(journal.summary).toContainText('Aucun évènement correspondant aux filtres');
    await expect(page.getByText('Aucun évènement ne correspond.')).toBeVisible();

    await journal.clearButton.click();
    await expect(page).toHaveURL(/\/journal$/);
  });

  test('pages through the journal', async ({ page }) => {
    const journal = new JournalPage(page);
    // Enough events for two pages of five, whatever ran before.
    for (let i = 1; i <= 6; i++) await createOrganisation(page, unique(`Association de quartier ${i}`));
    await journal.goto('?pageSize=5');
    await expect(journal.rows).toHaveCount(5);
    const first = await journal.rows.first().textContent();
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(journal.rows.first()).not.toHaveText(first ?? '');
    await page.reload();
    await expect(page).toHaveURL(/page=2/);
    await expect(journal.rows).toHaveCount(5);
  });
});

test.describe('as a project lead', () => {
  test.use({ signedInAs: 'project_lead' });

  test('has no Journal in the sidebar, and the address leads back home', async ({ page }) => {
    const shell = new Shell(page);
    await page.goto('/');
    await expect(shell.heading('Tableau de bord')).toBeVisible();
    expect(await shell.sectionLabels()).not.toContain('Journal');
    await page.goto('/journal');
    await expect(page).toHaveURL(/\/$/);
  });
});
