import { Locator, Page } from '@playwright/test';

// Projet: one project's record.
export class ProjectPage {
  readonly heading: Locator;
  readonly editButton: Locator;
  readonly logForm: Locator;
  readonly timeline: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.editButton = page.getByRole('button', { name: 'Modifier le projet' });
    this.logForm = page.getByRole('form', { name: 'Consigner un jalon' });
    this.timeline = page.getByRole('list', { name: 'Jalons' });
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
