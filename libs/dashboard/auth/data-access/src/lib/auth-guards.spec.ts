import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Me } from '@sillon/contracts';
import { authGuard, roleGuard } from './auth-guards';

@Component({ template: '' })
class Blank {}

const person = (role: Me['role']): Me => ({
  id: 'u1',
  email: 'someone@demo.sillon.fr',
  displayName: 'Someone',
  role,
  labId: null,
  labName: null,
  regionId: null,
  regionName: null,
});

function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'connexion', component: Blank },
        {
          path: '',
          canActivate: [authGuard],
          children: [
            { path: '', component: Blank, canActivate: [roleGuard(['project_lead', 'lab_manager'])] },
            { path: 'projets', component: Blank },
            { path: 'administration', component: Blank, canActivate: [roleGuard(['admin'])] },
          ],
        },
      ]),
    ],
  });
  return { router: TestBed.inject(Router), http: TestBed.inject(HttpTestingController) };
}

// Lets the guard's promise settle after a flushed response.
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('authGuard', () => {
  it('sends a signed-out person to the sign-in page with the page they asked for', async () => {
    const { router, http } = setup();

    const navigation = router.navigateByUrl('/projets?stage=ideation');
    await settle();
    http.expectOne('/api/v1/auth/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    await navigation;

    expect(router.url).toBe('/connexion?retour=%2Fprojets%3Fstage%3Dideation');
  });

  it('lets a signed-in person in, asking the API only once', async () => {
    const { router, http } = setup();

    const navigation = router.navigateByUrl('/projets');
    await settle();
    http.expectOne('/api/v1/auth/me').flush(person('project_lead'));
    await navigation;
    await router.navigateByUrl('/');

    expect(router.url).toBe('/');
    http.expectNone('/api/v1/auth/me');
  });
});

describe('roleGuard', () => {
  it('turns away a role that may not use the page', async () => {
    const { router, http } = setup();

    const navigation = router.navigateByUrl('/administration');
    await settle();
    http.expectOne('/api/v1/auth/me').flush(person('lab_manager'));
    await navigation;

    expect(router.url).toBe('/');
  });

  it('sends an admin turned away to Administration, their home', async () => {
    const { router, http } = setup();

    const navigation = router.navigateByUrl('/');
    await settle();
    http.expectOne('/api/v1/auth/me').flush(person('admin'));
    await navigation;

    expect(router.url).toBe('/administration');
  });

  it('lets the role in', async () => {
    const { router, http } = setup();

    const navigation = router.navigateByUrl('/administration');
    await settle();
    http.expectOne('/api/v1/auth/me').flush(person('admin'));
    await navigation;

    expect(router.url).toBe('/administration');
  });
});
