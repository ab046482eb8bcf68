import { Locator, Page, expect } from '@playwright/test';
import { Stage, STAGE_LABELS_FR } from '@sillon/contracts';

// The Pipeline board: one column per stage, cards that move by drag and drop or from their menu.
export class PipelinePage {
  readonly heading: Locator;
  readonly summary: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Pipeline' });
    this.summary = page.getByRole('status').filter({ hasText: /projets? actifs?|Chargement du pipeline/ });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/pipeline${query}`);
    await expect(this.summary).toContainText(/projets? actifs?/, { timeout: 20_000 });
  }

  column(stage: Stage): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${STAGE_LABELS_FR[stage]} \\(\\d+\\)$`) });
  }

  cards(stage: Stage): Locator {
    return this.page.getByRole('list', { name: `Projets en ${STAGE_LABELS_FR[stage]}` }).getByRole('listitem');
  }

  card(name: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  moveButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Déplacer ${name} vers…` });
  }

  filter(label: string): Locator {
    return this.page.getByRole('combobox', { name: label });
  }

  // CDK drag and drop follows pointer moves: press, move in steps past the drag threshold, release.
  async drag(card: Locator, target: Locator): Promise<void> {
    const from = await card.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('card or column not on screen');
    await this.page.mouse.move(from.x + from.width / 2, from.y + 20);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 5 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 20 });
    await this.page.mouse.up();
  }
}

// The gate dialog: checklist of the stage left, rationale, and the reason for an exception.
export class GateDialogPage {
  readonly dialog: Locator;
  readonly rationale: Locator;
  readonly unmetReason: Locator;
  readonly submit: Locator;
  readonly alert: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog');
    this.rationale = this.dialog.getByLabel('Justification de la décision');
    this.unmetReason = this.dialog.getByLabel('Pourquoi passer malgré tout ?');
    this.submit = this.dialog.getByRole('button', { name: 'Valider le passage' });
    this.alert = this.dialog.getByRole('alert');
  }

  criteria(): Locator {
    return this.dialog.getByRole('checkbox');
  }

  async checkAll(): Promise<void> {
    const boxes = this.criteria();
    // The checklist loads after the dialog opens: count it once it is there.
    await expect(boxes.first()).toBeVisible();
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  }
}
