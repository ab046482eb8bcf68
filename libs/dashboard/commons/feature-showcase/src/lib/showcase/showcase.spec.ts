import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { OpenDataFeed, OpenDataProject } from '@sillon/contracts';
import { Showcase } from './showcase';

const project = (code: string, regionName: string, themes: OpenDataProject['themes']): OpenDataProject => ({
  code, name: `Projet ${code}`, summary: '', themes, stage: 'ideation', status: 'active', departments: ['59'], labName: 'Lab', regionName,
  startDate: null, lastUpdated: '2026-11-02', commons: [],
});

describe('Showcase', () => {
  it('lists the feed’s projects and narrows them by region and theme, saying how many are shown', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(Showcase);
    const feed: OpenDataFeed = {
      schemaVersion: '1.0.0', licence: { name: 'Licence Ouverte', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' }, generatedAt: '', schema: '',
      projects: [project('A', 'Hauts-de-France', ['emploi']), project('B', 'Grand Est', ['emploi', 'sante']), project('C', 'Grand Est', ['logement'])],
    };
    TestBed.inject(HttpTestingController).expectOne('/api/v1/open-data/projects.json').flush(feed);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const names = () => [...element.querySelectorAll('article h3')].map((h) => h.textContent?.trim());
    expect(names()).toEqual(['Projet A', 'Projet B', 'Projet C']);

    const [region, theme] = [...element.querySelectorAll('select')];
    region.value = 'Grand Est';
    region.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(names()).toEqual(['Projet B', 'Projet C']);
    theme.value = 'emploi';
    theme.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(names()).toEqual(['Projet B']);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('1 projet affiché, 0 commun publié.');
  });
});
