import { BrowserContext, Page } from '@playwright/test';
import { Project, StageTransition } from '@sillon/contracts';
import { expectNoAccessibilityViolations } from '../fixtures/accessibility';
import { getJson, unique, xsrfHeaders } from '../fixtures/api-writes';
import { saveScreenshot } from '../fixtures/screenshots';
import { expect, test } from '../fixtures/test';
import { GateDialogPage, PipelinePage } from '../pages/pipeline-page';
import { ProposalsPanel } from '../pages/proposals-panel';

// Two people at once (the lead proposes, the lab manager decides) and several reloads.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 15_000 });

// A project of the lead's own, new in co_design: each run proposes on a project no earlier run touched.
async function leadProject(page: Page): Promise<Project> {
  const response = await page.request.post('/api/v1/projects', {
    data: { name: unique('Laverie solidaire'), themes: ['inclusion_numerique'] },
    headers: await xsrfHeaders(page),
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Project;
}

test.describe('as a project lead with the lab manager', () => {
  test.use({ signedInAs: 'project_lead' });

  let managerContext: BrowserContext;
  let manager: Page;

  test.beforeEach(async ({ browser, sessionFor }) => {
    managerContext = await browser.newContext({ storageState: (await sessionFor('lab_manager')).storageStatePath, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    manager = await managerContext.newPage();
  });

  test.afterEach(async () => {
    await managerContext.close();
  });

  test('the lead proposes a move over a stage; the manager, told in the toolbar, accepts it from the board; the lead reads the outcome', async ({ page, me }) => {
    const board = new PipelinePage(page);
    const gate = new GateDialogPage(page);
    const mine = new ProposalsPanel(page);
    const project = await leadProject(page);

    // The lead: a move over a stage is offered as a proposal, with its reason.
    await board.goto(`?lead=${me?.id}`);
    await expect(mine.panel).toBeVisible();
    await board.moveButton(project.name).click();
    await page.getByRole('menuitem', { name: 'Proposer de passer en Prototypage' }).click();
    await expect(gate.dialog.getByRole('heading', { name: `Proposer de passer « ${project.name} » en Prototypage` })).toBeVisible();
    await gate.checkAll();
    await gate.rationale.fill('La mairie finance un prototype dès cet été.');
    await gate.unmetReason.fill('L’idéation a été faite avec le CCAS en 2025.');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'proposal-dialog');
    await gate.dialog.getByRole('button', { name: 'Proposer le passage' }).click();
    await expect(gate.dialog).toBeHidden();
    await expect(mine.item(project.name)).toContainText('En attente');
    // Nothing moved yet.
    await expect(board.cards('co_design').filter({ hasText: project.code })).toHaveCount(1);
    await page.reload();
    await expect(mine.item(project.name)).toContainText('Co-design → Prototypage');

    // The manager: the toolbar counts what waits; the board lists it with Accepter and Refuser.
    const managerBoard = new PipelinePage(manager);
    const toDecide = new ProposalsPanel(manager);
    await manager.goto('/');
    await expect(toDecide.toolbarLink).toBeVisible({ timeout: 20_000 });
    expect(await toDecide.toolbarCount()).toBeGreaterThanOrEqual(1);
    await toDecide.toolbarLink.click();
    await expect(manager).toHaveURL(/\/pipeline#propositions$/);
    await expect(toDecide.item(project.name)).toContainText('La mairie finance un prototype dès cet été.');
    await expect(toDecide.item(project.name)).toContainText('L’idéation a été faite avec le CCAS en 2025.');
    await expectNoAccessibilityViolations(manager);
    await saveScreenshot(manager, 'proposals-manager');
    const before = await toDecide.toolbarCount();
    await toDecide.item(project.name).getByRole('button', { name: `Accepter la proposition pour ${project.name}` }).click();
    await expect(toDecide.dialog.getByRole('heading', { name: `Accepter la proposition pour « ${project.name} »` })).toBeVisible();
    await expectNoAccessibilityViolations(manager);
    await toDecide.dialog.getByLabel('Note (facultative)').fill('Accord du comité de pilotage.');
    await toDecide.dialog.getByRole('button', { name: 'Accepter le passage' }).click();
    await expect(toDecide.dialog).toBeHidden();
    await expect(toDecide.item(project.name)).toHaveCount(0);
    await expect(managerBoard.cards('prototyping').filter({ hasText: project.code })).toHaveCount(1);
    await expect.poll(() => toDecide.toolbarCount()).toBe(before - 1);

    await manager.reload();
    await expect(managerBoard.cards('prototyping').filter({ hasText: project.code })).toHaveCount(1);
    const moved = await getJson<Project>(manager.request, `/api/v1/projects/${project.id}`);
    expect(moved.stage).toBe('prototyping');
    const history = await getJson<StageTransition[]>(manager.request, `/api/v1/projects/${project.id}/transitions`);
    expect(history.at(-1)).toMatchObject({ fromStage: 'co_design', toStage: 'prototyping', rationale: 'La mairie finance un prototype dès cet été.' });

    // The lead: told in the toolbar, reads the decision and acknowledges it.
    await page.reload();
    await expect(mine.toolbarLink).toBeVisible({ timeout: 20_000 });
    await expect(mine.item(project.name)).toContainText('Acceptée');
    await expect(mine.item(project.name)).toContainText('Accord du comité de pilotage.');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'proposals-lead-decided');
    await mine.item(project.name).getByRole('button', { name: `J’ai pris connaissance de la décision sur ${project.name}` }).click();
    await expect(mine.item(project.name)).toHaveCount(0);
    await page.reload();
    await expect(mine.panel).toBeVisible();
    await expect(mine.item(project.name)).toHaveCount(0);
  });

  test('the manager refuses a proposal with a criterion unmet, with a note the lead then reads; the project stays where it was', async ({ page, me }) => {
    const board = new PipelinePage(page);
    const gate = new GateDialogPage(page);
    const mine = new ProposalsPanel(page);
    const project = await leadProject(page);
    await board.goto(`?lead=${me?.id}`);

    // The lead proposes, from the keyboard, to pass with a criterion left unchecked.
    await board.moveButton(project.name).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem').first()).toHaveText('Passer en Idéation');
    await page.keyboard.press('Enter');
    await expect(gate.dialog).toBeVisible();
    await expect(gate.criteria().first()).toBeVisible();
    await gate.rationale.fill('Le besoin est confirmé, les ateliers restent à tenir.');
    await expect(gate.dialog.getByRole('heading', { name: `Proposer de passer « ${project.name} » en Idéation` })).toBeVisible();
    await gate.unmetReason.fill('Les ateliers auront lieu en juin.');
    await gate.dialog.getByRole('button', { name: 'Proposer le passage' }).focus();
    await page.keyboard.press('Enter');
    await expect(gate.dialog).toBeHidden();
    await expect(mine.item(project.name)).toContainText('En attente');

    const toDecide = new ProposalsPanel(manager);
    await manager.goto('/pipeline');
    await toDecide.item(project.name).getByRole('button', { name: `Refuser la proposition pour ${project.name}` }).click();
    // A refusal needs its note.
    await toDecide.dialog.getByRole('button', { name: 'Refuser la proposition' }).click();
    await expect(toDecide.dialog.getByText('Expliquez le refus.')).toBeVisible();
    await toDecide.dialog.getByLabel('Motif du refus').fill('Tenez d’abord les ateliers, puis reproposez.');
    await expectNoAccessibilityViolations(manager);
    await toDecide.dialog.getByRole('button', { name: 'Refuser la proposition' }).click();
    await expect(toDecide.dialog).toBeHidden();
    await expect(toDecide.item(project.name)).toHaveCount(0);

    await page.reload();
    await expect(mine.item(project.name)).toContainText('Refusée');
    await expect(mine.item(project.name)).toContainText('Tenez d’abord les ateliers, puis reproposez.');
    await expect(board.cards('co_design').filter({ hasText: project.code })).toHaveCount(1);
    expect((await getJson<Project>(page.request, `/api/v1/projects/${project.id}`)).stage).toBe('co_design');
  });
});
