import { Locator, Page } from '@playwright/test';

// Projet: one project's record.
export class ProjectPage {
  readonly heading: Locator;
  readonly editButton: Locator;
  readonly logForm: Locator;
  readonly timeline: Locator;
  // The lab manager's decisions: status changes, archiving, restoring.
  readonly decisions: Locator;
  readonly dialog: Locator;
  readonly statusReason: Locator;
  readonly history: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.editButton = page.getByRole('button', { name: 'Modifier le projet' });
    this.logForm = page.getByRole('form', { name: 'Consigner un jalon' });
    this.timeline = page.getByRole('list', { name: 'Jalons' });
    this.decisions = page.getByRole('group', { name: 'Décisions sur le projet' });
    this.dialog = page.getByRole('dialog');
    this.statusReason = page.locator('.status-reason');
    this.history = page.getByRole('region', { name: 'Historique des phases' });
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/projets/${id}`);
    await this.heading.waitFor();
  }

  milestone(title: string): Locator {
    return this.timeline.getByRole('listitem').filter({ hasText: title });
  }

  // Opens a decision's dialog, types the reason it asks for and confirms.
  async decide(action: string, field: string, reason: string, submit = action): Promise<void> {
    await this.decisions.getByRole('button', { name: action }).click();
    await this.dialog.getByLabel(field).fill(reason);
    await this.dialog.getByRole('button', { name: submit }).click();
  }

  async logMilestone(milestone: { title: string; kind: string; participants?: number; outcome: 'Réalisé' | 'Prévu' }): Promise<void> {
    await this.logForm.getByLabel('Intitulé du jalon').fill(milestone.title);
    await this.logForm.getByRole('combobox', { name: 'Type' }).click();
    await this.page.getByRole('option', { name: milestone.kind, exact: true }).click();
    if (milestone.participants !== undefined) await this.logForm.getByLabel('Participants').fill(String(milestone.participants));
    await this.logForm.getByRole('radio', { name: milestone.outcome }).check();
    await this.logForm.getByRole('button', { name: 'Consigner le jalon' }).click();
  }
}
