import { Locator, Page } from '@playwright/test';

export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Connexion à Sillon' });
    this.email = page.getByLabel('Adresse e-mail');
    this.password = page.getByLabel('Mot de passe');
    this.submit = page.getByRole('button', { name: 'Se connecter' });
    this.error = page.getByRole('alert');
  }

  async goto(returnTo?: string): Promise<void> {
    await this.page.goto(returnTo ? `/connexion?retour=${encodeURIComponent(returnTo)}` : '/connexion');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
