import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Me, Role } from '@sillon/contracts';
import { appRoutes } from './app.routes';

const person = (role: Role): Me => ({
  id: 'u1',
  email: 'someone@demo.sillon.fr',
  displayName: 'Camille Martin',
  role,
  labId: null,
  labName: null,
  regionId: null,
  regionName: null,
});

async function open(url: string, me: Me | null) {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter(appRoutes)],
  });
  const http = TestBed.inject(HttpTestingController);
  const harness = await RouterTestingHarness.create();
  const navigation = harness.navigateByUrl(url);
  await new Promise((resolve) => setTimeout(resolve));
  const answer = http.expectOne('/api/v1/auth/me');
  if (me) {
    answer.flush(me);
  } else {
    answer.flush(null, { status: 401, statusText: 'Unauthorized' });
  }
  await navigation;
  await harness.fixture.whenStable();
  const heading = (harness.fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent?.trim();
  return { url: TestBed.inject(Router).url, title: TestBed.inject(Title).getTitle(), heading };
}

describe('app routes', () => {
  it('opens a section with its French page title', async () => {
    // A lab manager lands on the whole portfolio (a project lead is sent to their own projects).
    expect(await open('/projets', person('lab_manager'))).toEqual({
      url: '/projets',
      title: 'Projets · Sillon',
      heading: 'Projets',
    });
  });

  it('sends a signed-out person to the sign-in page', async () => {
    expect(await open('/organisations', null)).toEqual({
      url: '/connexion?retour=%2Forganisations',
      title: 'Connexion · Sillon',
      heading: 'Connexion à Sillon',
    });
  });

  it('keeps Rapports from a project lead but opens it to a regional director', async () => {
    expect((await open('/rapports', person('project_lead'))).url).toBe('/');
    TestBed.resetTestingModule();
    expect((await open('/rapports', person('regional_director'))).title).toBe('Rapports · Sillon');
  });

  it('opens Administration to admins and lab managers only', async () => {
    expect((await open('/administration', person('project_lead'))).url).toBe('/');
    TestBed.resetTestingModule();
    expect((await open('/administration', person('regional_director'))).url).toBe('/');
    TestBed.resetTestingModule();
    expect((await open('/administration', person('lab_manager'))).heading).toBe('Administration');
    TestBed.resetTestingModule();
    expect((await open('/administration', person('admin'))).heading).toBe('Administration');
  });

  it('sends an admin from any portfolio page to Administration', async () => {
    for (const url of ['/', '/pipeline', '/projets', '/projets/p1', '/rapports', '/organisations']) {
      TestBed.resetTestingModule();
      expect(await open(url, person('admin'))).toMatchObject({ url: '/administration', heading: 'Administration' });
    }
  });

  it('answers an unknown address with a French not-found page', async () => {
    expect(await open('/nulle-part', person('project_lead'))).toMatchObject({
      title: 'Page introuvable · Sillon',
      heading: 'Page introuvable',
    });
  });
});
