import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { archiveProject, createMilestone, createProject, frenchDate, parisDay } from '../fixtures/api';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { MilestonesPage } from '../pages/milestones-page';
import { ProjectPage } from '../pages/project-page';

// Axe and the first render of a page are slow on a busy CI machine.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 15_000 });

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('the Jalons page shows upcoming, overdue and done milestones, its filters in the URL', async ({ page }) => {
    const milestones = new MilestonesPage(page);
    await milestones.goto();
    await expect(milestones.heading).toBeVisible();
    await expect(milestones.view('À venir')).toHaveAttribute('aria-selected', 'true');
    await expect(milestones.rows.first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'milestones-upcoming');

    await milestones.view('En retard').click();
    await expect(page).toHaveURL(/[?&]view=overdue/);
    await expect(milestones.count).toContainText('En retard');
    await expect(milestones.rows.first()).toContainText(/\d+ jours? de retard/);
    await expectNoAccessibilityViolations(page);

    await milestones.select('Phase', 'Prototypage');
    await expect(page).toHaveURL(/[?&]stage=prototyping/);
    await expect(milestones.count).not.toContainText('Chargement');
    for (const stage of await milestones.rows.locator('td:nth-child(4)').allTextContents()) expect(stage.trim()).toBe('Prototypage');

    await milestones.view('Réalisés').click();
    await expect(page).toHaveURL(/view=done/);
    // The filter follows the view.
    await expect(page).toHaveURL(/stage=prototyping/);
    await page.getByLabel('Réalisé du').fill('2025-01-01');
    await page.getByLabel('Réalisé du').blur();
    await expect(page).toHaveURL(/[?&]from=2025-01-01/);
    // Shared as a link, the view opens the same.
    await page.goto(page.url());
    await expect(milestones.view('Réalisés')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('combobox', { name: 'Phase' })).toContainText('Prototypage');
    await expect(page.getByLabel('Réalisé du')).toHaveValue('2025-01-01');
    await expect(milestones.rows.first()).toBeVisible({ timeout: 20_000 });
    for (const when of await milestones.rows.locator('td:first-child').allTextContents()) {
      const [d, m, y] = when.trim().split('/');
      expect(`${y}-${m}-${d}` >= '2025-01-01').toBe(true);
    }
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'milestones-done');
  });

  test('edits, reschedules, gives an owner and evidence, then completes a milestone on a chosen date', async ({ page }) => {
    const project = await createProject(page, `Laverie solidaire ${Date.now()}`);
    const due = parisDay(30);
    await createMilestone(page, project.id, { title: 'Comité de pilotage', kind: 'decision', dueOn: due });

    const milestones = new MilestonesPage(page);
    await milestones.goto(`?project=${project.id}`);
    await expect(page.getByRole('combobox', { name: 'Projet' })).toContainText(project.name);
    const row = milestones.row('Comité de pilotage');
    await expect(row).toContainText(frenchDate(due));

    await row.getByRole('button', { name: 'Modifier' }).click();
    const dialog = milestones.dialog;
    await expect(dialog.getByRole('heading', { name: 'Modifier le jalon' })).toBeVisible();
    await expect(dialog.getByLabel('Intitulé du jalon')).toBeFocused();
    await dialog.getByLabel('Intitulé du jalon').fill('');
    await dialog.getByLabel('Lien vers la preuve').fill('http://pas-securise.fr');
    await dialog.getByRole('button', { name: 'Enregistrer le jalon' }).click();
    await expect(dialog.getByText('Donnez un intitulé au jalon.')).toBeVisible();
    await expect(dialog.getByText('Indiquez une adresse web complète commençant par https://')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'milestone-edit-dialog');

    const later = parisDay(45);
    await dialog.getByLabel('Intitulé du jalon').fill('Comité de pilotage élargi');
    await dialog.getByLabel('Échéance').fill(later);
    await dialog.getByRole('combobox', { name: 'Responsable' }).click();
    await page.getByRole('option', { name: 'Julie Lambert' }).click();
    await dialog.getByLabel('Lien vers la preuve').fill('https://pad.lab.fr/comite');
    await dialog.getByRole('button', { name: 'Enregistrer le jalon' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Jalon « Comité de pilotage élargi » enregistré.' })).toBeVisible();

    await page.reload();
    const edited = milestones.row('Comité de pilotage élargi');
    await expect(edited).toContainText(frenchDate(later), { timeout: 20_000 });
    await expect(edited).toContainText('Julie Lambert');
    await expect(edited.getByRole('link', { name: /Preuve/ })).toHaveAttribute('href', 'https://pad.lab.fr/comite');

    // Done on a chosen date, not in the future.
    await edited.getByRole('button', { name: 'Marquer comme réalisé' }).click();
    await expect(dialog.getByLabel('Date de réalisation')).toBeFocused();
    await expect(dialog.getByLabel('Date de réalisation')).toHaveValue(parisDay(0));
    await dialog.getByLabel('Date de réalisation').fill(parisDay(2));
    await dialog.getByRole('button', { name: 'Marquer comme réalisé' }).click();
    await expect(dialog.getByText('La date de réalisation ne peut pas être dans le futur.')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    const doneOn = parisDay(-1);
    await dialog.getByLabel('Date de réalisation').fill(doneOn);
    await dialog.getByRole('button', { name: 'Marquer comme réalisé' }).click();
    await expect(dialog).toHaveCount(0);
    // It leaves the upcoming view for the done one.
    await expect(milestones.row('Comité de pilotage élargi')).toHaveCount(0);
    await milestones.view('Réalisés').click();
    await page.reload();
    const done = milestones.row('Comité de pilotage élargi');
    await expect(done).toContainText(frenchDate(doneOn), { timeout: 20_000 });
    await expect(done).toContainText('Réalisé');
    await expect(done).toContainText(`échéance le ${frenchDate(later)}`);

    await archiveProject(page, project.id);
  });

  test('on the Projet page, reschedules, completes, cancels and reopens milestones from the timeline', async ({ page }) => {
    const created = await createProject(page, `Bricothèque ${Date.now()}`);
    await createMilestone(page, created.id, { title: 'Atelier de réparation', kind: 'workshop', dueOn: parisDay(-10) });
    await createMilestone(page, created.id, { title: 'Rapport au financeur', kind: 'deliverable', dueOn: parisDay(20) });
    const project = new ProjectPage(page);
    await project.goto(created.id);

    const workshop = project.milestone('Atelier de réparation');
    await expect(workshop).toContainText('En retard');
    await workshop.getByRole('button', { name: 'Marquer comme réalisé' }).click();
    await project.dialog.getByLabel('Date de réalisation').fill(parisDay(-3));
    await project.dialog.getByLabel('Participants').fill('14');
    await project.dialog.getByRole('button', { name: 'Marquer comme réalisé' }).click();
    await expect(project.dialog).toHaveCount(0);
    // Its buttons went with its status: the focus is on what was said.
    await expect(page.getByRole('status').filter({ hasText: 'marqué comme réalisé' })).toBeFocused();

    const report = project.milestone('Rapport au financeur');
    await report.getByRole('button', { name: 'Modifier' }).click();
    await project.dialog.getByLabel('Échéance').fill(parisDay(40));
    await project.dialog.getByRole('button', { name: 'Enregistrer le jalon' }).click();
    await expect(project.dialog).toHaveCount(0);
    await report.getByRole('button', { name: 'Annuler le jalon' }).click();
    await expect(project.dialog.getByRole('heading', { name: 'Annuler le jalon ?' })).toBeVisible();
    await expect(project.dialog.getByRole('button', { name: 'Garder le jalon' })).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await project.dialog.getByRole('button', { name: 'Annuler le jalon' }).click();
    await expect(project.dialog).toHaveCount(0);

    await page.reload();
    await expect(project.milestone('Atelier de réparation')).toContainText(frenchDate(parisDay(-3)));
    await expect(project.milestone('Atelier de réparation')).toContainText('Réalisé');
    await expect(project.milestone('Atelier de réparation')).toContainText('14 participants');
    await expect(project.milestone('Rapport au financeur')).toContainText(frenchDate(parisDay(40)));
    await expect(project.milestone('Rapport au financeur')).toContainText('Annulé');
    await expect(project.milestone('Rapport au financeur').getByRole('button', { name: 'Annuler le jalon' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'project-milestones');

    // Done by mistake: reopened, it is planned again, its completion date gone, and late once more.
    await project.milestone('Atelier de réparation').getByRole('button', { name: 'Rouvrir le jalon' }).click();
    await expect(project.dialog.getByRole('heading', { name: 'Rouvrir le jalon ?' })).toBeVisible();
    await expect(project.dialog).toContainText('sa date de réalisation sera effacée');
    await expect(project.dialog.getByRole('button', { name: 'Ne pas le rouvrir' })).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await project.dialog.getByRole('button', { name: 'Rouvrir le jalon' }).click();
    await expect(project.dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Jalon « Atelier de réparation » rouvert.' })).toBeFocused();
    await page.reload();
    await expect(project.milestone('Atelier de réparation')).toContainText('En retard');
    await expect(project.milestone('Atelier de réparation')).not.toContainText(frenchDate(parisDay(-3)));
    await expect(project.milestone('Atelier de réparation').getByRole('button', { name: 'Marquer comme réalisé' })).toBeVisible();

    await archiveProject(page, created.id);
  });
});

test.describe('as a regional director', () => {
  test.use({ signedInAs: 'regional_director' });

  test('a regional director reads the Jalons of the region and changes nothing', async ({ page }) => {
    const milestones = new MilestonesPage(page);
    await milestones.goto('?view=overdue');
    await expect(milestones.rows.first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Modifier' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Marquer comme réalisé' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });
});
