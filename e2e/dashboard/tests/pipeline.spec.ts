import { APIRequestContext, request as playwrightRequest } from '@playwright/test';
import { ProjectListItem, ProjectPage, StageTransition } from '@sillon/contracts';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { GateDialogPage, PipelinePage } from '../pages/pipeline-page';

// A project of the signed-in page's session, read through the API the page uses.
async function firstActive(api: APIRequestContext, query: string): Promise<ProjectListItem> {
  const response = await api.get(`/api/v1/projects?status=active&sort=-stageEnteredAt&pageSize=1&${query}`);
  expect(response.status()).toBe(200);
  const page = (await response.json()) as ProjectPage;
  expect(page.items.length, `an active project for ${query}`).toBeGreaterThan(0);
  return page.items[0];
}

// Journeys of several steps, each waiting on the API: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe('as a lab manager', () => {
  test.use({ signedInAs: 'lab_manager' });

  test('drags a project through a gate with a rationale and finds it in the history', async ({ page }) => {
    const board = new PipelinePage(page);
    const gate = new GateDialogPage(page);
    const project = await firstActive(page.request, 'stage=co_design');
    await board.goto();
    await expect(board.heading).toBeVisible();
    await expect(board.cards('co_design').first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'pipeline-lab-manager');

    const card = board.card(project.name);
    await board.drag(card, board.column('ideation'));

    await expect(gate.dialog).toBeVisible();
    await expect(gate.dialog.getByRole('heading', { name: `Passer « ${project.name} » en Idéation` })).toBeVisible();
    // Focus is trapped in the dialog.
    await expect(gate.dialog.locator(':focus')).toHaveCount(1);
    await expect(gate.criteria().first()).toBeVisible();
    await gate.checkAll();
    const rationale = 'Les ateliers de co-design ont confirmé le besoin avec 14 usagers.';
    await gate.rationale.fill(rationale);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'pipeline-gate-dialog');
    await gate.submit.click();

    await expect(gate.dialog).toBeHidden();
    await expect(board.cards('ideation').filter({ hasText: project.code })).toHaveCount(1);
    await expect(board.cards('co_design').filter({ hasText: project.code })).toHaveCount(0);
    await expect(board.card(project.name).getByRole('link', { name: project.name })).toBeFocused();

    const history = (await (await page.request.get(`/api/v1/projects/${project.id}/transitions`)).json()) as StageTransition[];
    expect(history.at(-1)).toMatchObject({ fromStage: 'co_design', toStage: 'ideation', rationale, criteriaUnmet: [] });
  });

  test('draws every loaded card of every column, the first screenful first', async ({ page }) => {
    const board = new PipelinePage(page);
    await board.goto();
    const stages = ['co_design', 'ideation', 'prototyping', 'incubation', 'scale_up'] as const;
    let longest = 0;
    for (const stage of stages) {
      const title = await board.column(stage).getByRole('heading', { level: 2 }).textContent();
      const total = Number(/\((\d+)\)/.exec(title ?? '')?.[1]);
      // A column shows its first page of 50; the cards past the first screenful come a few per frame.
      await expect(board.cards(stage)).toHaveCount(Math.min(total, 50));
      longest = Math.max(longest, total);
    }
    // The demo lab has a column longer than the first screenful (6 cards), so the later cards were drawn too.
    expect(longest).toBeGreaterThan(6);
  });

  test('sees a clear message when someone else moved the card first, and keeps the rationale', async ({ page }) => {
    const board = new PipelinePage(page);
    const gate = new GateDialogPage(page);
    const project = await firstActive(page.request, 'stage=ideation');
    await board.goto();

    await board.moveButton(project.name).click();
    await page.getByRole('menuitem', { name: 'Passer en Prototypage' }).click();
    await expect(gate.dialog).toBeVisible();
    const rationale = 'Le prototype papier a été testé avec les agents d’accueil.';
    await gate.rationale.fill(rationale);

    // A second session of the lab moves the same project meanwhile.
    const other: APIRequestContext = await playwrightRequest.newContext({
      baseURL: test.info().project.use.baseURL,
      storageState: { cookies: [], origins: [] },
    });
    try {
      const login = await other.post('/api/v1/auth/login', { data: { email: DEMO_ACCOUNTS.lab_manager, password: DEMO_PASSWORD } });
      expect(login.status()).toBe(200);
      const xsrf = (await other.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
      const moved = await other.post(`/api/v1/projects/${project.id}/transitions`, {
        headers: { 'X-XSRF-TOKEN': xsrf, Origin: test.info().project.use.baseURL ?? '' },
        data: { to: 'co_design', rationale: 'Retour en co-design décidé en comité.', version: project.version },
      });
      expect(moved.status()).toBe(201);
    } finally {
      await other.dispose();
    }

    await gate.checkAll();
    await gate.submit.click();

    await expect(gate.alert).toContainText("Quelqu'un d'autre a modifié ce projet entre-temps : il est maintenant en Co-design.");
    await expect(gate.alert).toContainText('Votre justification est conservée');
    await expect(gate.rationale).toHaveValue(rationale);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'pipeline-conflict');

    // Behind the dialog, the card was reloaded into the column where the other session put it.
    await gate.dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(gate.dialog).toBeHidden();
    await expect(board.cards('co_design').filter({ hasText: project.code })).toHaveCount(1);
    await expect(board.cards('ideation').filter({ hasText: project.code })).toHaveCount(0);
  });
});

test.describe('as a project lead', () => {
  test.use({ signedInAs: 'project_lead' });

  test('proposes a stage move from the card menu with the keyboard only', async ({ page, me }) => {
    const board = new PipelinePage(page);
    const gate = new GateDialogPage(page);
    const project = await firstActive(page.request, `lead=${me?.id}&stage=co_design`);
    await board.goto(`?lead=${me?.id}`);

    // Only their own projects: one stage forward, or any other stage as a proposal to the lab manager.
    const button = board.moveButton(project.name);
    await button.focus();
    await page.keyboard.press('Enter');
    const items = page.getByRole('menuitem');
    await expect(items).toHaveText(['Passer en Idéation', 'Proposer de passer en Prototypage', 'Proposer de passer en Incubation', "Proposer de passer en Changement d'échelle"]);
    await page.keyboard.press('Enter');

    await expect(gate.dialog).toBeVisible();
    const boxes = gate.criteria();
    // The checklist loads after the dialog opens: count it once it is there. The dialog first puts the
    // focus on the rationale (once its opening is done); a key pressed before that could land there.
    await expect(boxes.first()).toBeVisible();
    await expect(gate.rationale).toBeFocused();
    for (let i = 0; i < (await boxes.count()); i++) {
      await boxes.nth(i).focus();
      await page.keyboard.press('Space');
      await expect(boxes.nth(i)).toBeChecked();
    }
    await gate.rationale.focus();
    await page.keyboard.type('Besoin confirmé lors de deux ateliers.');
    await gate.submit.focus();
    await page.keyboard.press('Enter');

    await expect(gate.dialog).toBeHidden();
    await expect(board.cards('ideation').filter({ hasText: project.code })).toHaveCount(1);
    await expect(board.card(project.name).getByRole('link', { name: project.name })).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'pipeline-project-lead');
  });
});

test.describe('as a regional director', () => {
  test.use({ signedInAs: 'regional_director' });

  test('reads the board of the region, filters it, and has nothing to move', async ({ page }) => {
    const board = new PipelinePage(page);
    await board.goto();
    await expect(page.getByText('Vous consultez le pipeline en lecture seule.')).toBeVisible();
    await expect(board.cards('co_design').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^Déplacer / })).toHaveCount(0);

    await board.filter('Santé').click();
    await page.getByRole('option', { name: 'En difficulté' }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/health=red/);
    await expect(board.summary).toContainText('correspondant aux filtres');
    await expect(page.getByText('À surveiller', { exact: true })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'pipeline-director-filtered');
  });

  test('is usable on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const board = new PipelinePage(page);
    await board.goto();
    await expect(board.cards('co_design').first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'pipeline-phone');
  });
});
