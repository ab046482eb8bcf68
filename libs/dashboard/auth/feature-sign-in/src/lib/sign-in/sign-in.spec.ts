import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Me } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { SignIn } from './sign-in';

@Component({ template: '<p>Page demandée</p>' })
class Target {}

const LEAD: Me = {
  id: 'u-lead',
  email: 'lead@demo.sillon.fr',
  displayName: 'Camille Martin',
  role: 'project_lead',
  labId: 'lab-lille',
  labName: 'Lab de Lille',
  regionId: 'hdf',
  regionName: 'Hauts-de-France',
};

async function setup(url = '/connexion') {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'connexion', component: SignIn },
        { path: '', component: Target },
        { path: 'projets', component: Target },
      ]),
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const loader = TestbedHarnessEnvironment.loader(harness.fixture);
  const field = async (label: string) =>
    (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }))).getControl(MatInputHarness);
  return {
    harness,
    http: TestBed.inject(HttpTestingController),
    email: await field('Adresse e-mail'),
    password: await field('Mot de passe'),
    submit: await loader.getHarness(MatButtonHarness.with({ text: 'Se connecter' })),
    alert: () => harness.routeNativeElement?.querySelector('[role="alert"]') as HTMLElement | null,
    router: TestBed.inject(Router),
  };
}

async function fillAndSubmit(page: Awaited<ReturnType<typeof setup>>, email: string, password: string) {
  await page.email.setValue(email);
  await page.password.setValue(password);
  await page.submit.click();
}

const settle = async (page: Awaited<ReturnType<typeof setup>>) => {
  await new Promise((resolve) => setTimeout(resolve));
  await page.harness.fixture.whenStable();
};

describe('SignIn', () => {
  it('labels its fields for a password manager and puts the cursor in the e-mail field', async () => {
    const page = await setup();
    await page.harness.fixture.whenStable();

    expect(await page.email.getType()).toBe('email');
    expect(await (await page.email.host()).getAttribute('autocomplete')).toBe('username');
    expect(await page.password.getType()).toBe('password');
    expect(await (await page.password.host()).getAttribute('autocomplete')).toBe('current-password');
    expect(await page.email.isFocused()).toBe(true);
  });

  it('signs in and goes back to the page that was asked for', async () => {
    const page = await setup('/connexion?retour=%2Fprojets');

    await fillAndSubmit(page, 'lead@demo.sillon.fr', 'sillon-demo');
    const req = page.http.expectOne({ method: 'POST', url: '/api/v1/auth/login' });
    expect(req.request.body).toEqual({ email: 'lead@demo.sillon.fr', password: 'sillon-demo' });
    req.flush(LEAD);
    await settle(page);

    expect(page.router.url).toBe('/projets');
    expect(TestBed.inject(SessionStore).displayName()).toBe('Camille Martin');
  });

  it('never follows a return address to another site', async () => {
    const page = await setup('/connexion?retour=%2F%2Fevil.example');

    await fillAndSubmit(page, 'lead@demo.sillon.fr', 'sillon-demo');
    page.http.expectOne('/api/v1/auth/login').flush(LEAD);
    await settle(page);

    expect(page.router.url).toBe('/');
  });

  it('says in French that the credentials are wrong, clears the password and focuses the message', async () => {
    const page = await setup();

    await fillAndSubmit(page, 'lead@demo.sillon.fr', 'wrong');
    page.http
      .expectOne('/api/v1/auth/login')
      .flush(
        { type: 'about:blank', title: 'Unauthorized', status: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle(page);

    expect(page.alert()?.textContent?.trim()).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(document.activeElement).toBe(page.alert());
    expect(await page.password.getValue()).toBe('');
    expect(page.router.url).toBe('/connexion');
  });

  it('asks to wait when sign-in attempts are throttled', async () => {
    const page = await setup();

    await fillAndSubmit(page, 'lead@demo.sillon.fr', 'wrong');
    page.http.expectOne('/api/v1/auth/login').flush(null, { status: 429, statusText: 'Too Many Requests' });
    await settle(page);

    expect(page.alert()?.textContent?.trim()).toBe('Trop de tentatives. Réessayez dans quelques minutes.');
  });

  it('does not call the API with empty fields and explains what is missing', async () => {
    const page = await setup();

    await page.submit.click();
    await settle(page);

    page.http.expectNone('/api/v1/auth/login');
    const loader = TestbedHarnessEnvironment.loader(page.harness.fixture);
    const emailFormField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Adresse e-mail' }));
    const passwordFormField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Mot de passe' }));
    expect(await emailFormField.getTextErrors()).toEqual(['Saisissez votre adresse e-mail.']);
    expect(await passwordFormField.getTextErrors()).toEqual(['Saisissez votre mot de passe.']);
    expect(await page.email.isFocused()).toBe(true);
  });

  it('rejects a malformed e-mail address before calling the API', async () => {
    const page = await setup();

    await fillAndSubmit(page, 'pas-une-adresse', 'sillon-demo');
    await settle(page);

    page.http.expectNone('/api/v1/auth/login');
    const loader = TestbedHarnessEnvironment.loader(page.harness.fixture);
    const emailFormField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Adresse e-mail' }));
    expect(await emailFormField.getTextErrors()).toEqual([
      'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.',
    ]);
  });
});
