import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { archiveProject, createProject } from '../fixtures/api';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { ProjectPage } from '../pages/project-page';
import { ProjectsPage } from '../pages/projects-page';

// Axe and the first render of a page are slow on a busy CI machine.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 15_000 });

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('pauses, resumes, stops with the lesson learned and marks a project scaled, each read back after a reload', async ({ page }) => {
    const created = await createProject(page, `Recyclerie mobile ${Date.now()}`);
    const project = new ProjectPage(page);
    await project.goto(created.id);
    const badge = page.locator('sil-stage-badge').first();

    // Pause: the dialog takes the focus, and refuses an empty reason with a message beside the field.
    await project.decisions.getByRole('button', { name: 'Mettre en pause' }).click();
    await expect(project.dialog.getByRole('heading', { name: 'Mettre le projet en pause' })).toBeVisible();
    await expect(project.dialog.getByLabel('Motif de la pause')).toBeFocused();
    await project.dialog.getByRole('button', { name: 'Mettre en pause' }).click();
    await expect(project.dialog.getByText('Indiquez le motif de la pause.')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'project-status-dialog');
    await project.dialog.getByLabel('Motif de la pause').fill('En attente de la réponse de la Région sur le financement.');
    await project.dialog.getByRole('button', { name: 'Mettre en pause' }).click();
    await expect(project.dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Le projet est en pause.' })).toBeVisible();
    // The focus is not lost with the button that opened the dialog.
    await expect(project.decisions.getByRole('button').first()).toBeFocused();
    await page.reload();
    await expect(badge).toContainText('En pause');
    await expect(project.statusReason).toHaveText('Motif de la pause : En attente de la réponse de la Région sur le financement.');
    await expect(project.history).toContainText('Statut : Actif → En pause');

    // Resume, from the keyboard.
    await project.decisions.getByRole('button', { name: 'Reprendre le projet' }).focus();
    await page.keyboard.press('Enter');
    await expect(project.dialog.getByLabel('Motif de la reprise')).toBeFocused();
    await page.keyboard.type('Financement accordé.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(project.dialog.getByRole('button', { name: 'Reprendre le projet' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(project.dialog).toHaveCount(0);
    await page.reload();
    await expect(badge).not.toContainText('En pause');
    await expect(project.statusReason).toHaveCount(0);

    // Stop, with the lesson learned.
    const lesson = "Le besoin était déjà couvert par la ressourcerie de l'agglomération : mieux cartographier l'existant.";
    await project.decide('Arrêter le projet', 'Enseignement tiré', lesson);
    await expect(project.dialog).toHaveCount(0);
    await page.reload();
    await expect(badge).toContainText('Arrêté');
    await expect(project.statusReason).toHaveText(`Enseignement tiré : ${lesson}`);
    await expect(project.history).toContainText(lesson);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'project-stopped');

    // Scaled, with where it went.
    await project.decide('Marquer comme essaimé', 'Où le projet a-t-il essaimé ?', 'Repris par la communauté urbaine de Dunkerque.');
    await expect(project.dialog).toHaveCount(0);
    await page.reload();
    await expect(badge).toContainText('Essaimé');
    await expect(project.statusReason).toHaveText('Essaimage : Repris par la communauté urbaine de Dunkerque.');

    await archiveProject(page, created.id);
  });

  test('archives a project, finds it under Archivés and restores it', async ({ page }) => {
    const name = `Garage solidaire ${Date.now()}`;
    const created = await createProject(page, name);
    const project = new ProjectPage(page);
    await project.goto(created.id);

    await project.decisions.getByRole('button', { name: 'Archiver le projet' }).click();
    await expect(project.dialog.getByRole('heading', { name: 'Archiver le projet ?' })).toBeVisible();
    // The safe choice has the focus.
    await expect(project.dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await project.dialog.getByRole('button', { name: 'Archiver le projet' }).click();
    await expect(project.dialog).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(/^Archivé le \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
    await expect(page.getByText('Lecture seule')).toBeVisible();
    await expect(project.editButton).toHaveCount(0);

    // Out of the list; in the Archivés view, which is in the URL.
    const projects = new ProjectsPage(page);
    await projects.goto(`?q=${encodeURIComponent(name)}`);
    await expect(projects.count).toHaveText('Aucun projet');
    await page.getByRole('checkbox', { name: 'Archivés' }).check();
    await expect(page).toHaveURL(/[?&]archived=only/);
    await expect(projects.rows).toHaveCount(1);
    await expect(projects.rows.first()).toContainText(name);
    await expect(projects.rows.first()).toContainText(/Archivé le \d{2}\/\d{2}\/\d{4}/);
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Archivés' })).toBeChecked();
    await expect(projects.rows.first()).toContainText(name, { timeout: 20_000 });
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'projects-archived');

    await projects.openProject(0);
    await project.decisions.getByRole('button', { name: 'Restaurer le projet' }).click();
    await expect(project.dialog.getByRole('heading', { name: 'Restaurer le projet ?' })).toBeVisible();
    await project.dialog.getByRole('button', { name: 'Restaurer le projet' }).click();
    await expect(project.dialog).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(/^Archivé le/)).toHaveCount(0);
    await expect(project.editButton).toBeVisible();
    await expect(page.getByRole('region', { name: "Journal d'audit" })).toContainText('Restauration');

    await archiveProject(page, created.id);
  });
});

test.describe('as a project lead', () => {
  test.use({ signedInAs: 'project_lead' });

  test('a project lead edits their project but takes no status decision', async ({ page }) => {
    const projects = new ProjectsPage(page);
    await projects.goto();
    await expect(projects.rows.first()).toBeVisible({ timeout: 20_000 });
    await projects.openProject(0);
    const project = new ProjectPage(page);
    await expect(project.editButton).toBeVisible();
    await expect(project.decisions).toHaveCount(0);
  });
});
