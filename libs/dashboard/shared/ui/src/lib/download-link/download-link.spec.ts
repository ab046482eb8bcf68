import { HttpErrorResponse, HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { DownloadLink, downloadFailure, fileNameOf } from './download-link';

@Component({
  imports: [DownloadLink],
  template: `<a silDownload="/api/v1/projects.csv?stage=ideation">Exporter en CSV</a>`,
})
class Host {}

describe('DownloadLink', () => {
  let http: HttpTestingController;
  let open: jest.Mock;

  beforeEach(() => {
    open = jest.fn();
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MatSnackBar, useValue: { open } }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function link(): HTMLAnchorElement {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return fixture.nativeElement.querySelector('a');
  }

  it('stays a plain link to the export', () => {
    expect(link().getAttribute('href')).toBe('/api/v1/projects.csv?stage=ideation');
  });

  it('says a refused download in French instead of opening the problem', async () => {
    link().click();
    const body = new Blob([JSON.stringify({ type: 'rate-limited', title: 'Trop de demandes', status: 429, detail: 'Trop de demandes en une minute. Réessayez dans 42 s.' })], {
      type: 'application/problem+json',
    });
    http.expectOne('/api/v1/projects.csv?stage=ideation').flush(body, { status: 429, statusText: 'Too Many Requests' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(open).toHaveBeenCalledWith('Trop de demandes en une minute. Réessayez dans 42 s.', 'Fermer', expect.objectContaining({ politeness: 'assertive' }));
  });

  it('leaves a click with a modifier to the browser', () => {
    const anchor = link();
    anchor.addEventListener('click', (event) => event.preventDefault());
    anchor.dispatchEvent(new MouseEvent('click', { ctrlKey: true, bubbles: true, cancelable: true }));
    http.expectNone('/api/v1/projects.csv?stage=ideation');
  });
});

describe('fileNameOf', () => {
  it('reads the UTF-8 name first, then the plain one', () => {
    expect(fileNameOf(`attachment; filename="sillon-projets-2026-12-04.csv"`)).toBe('sillon-projets-2026-12-04.csv');
    expect(fileNameOf(`attachment; filename="rapport.csv"; filename*=UTF-8''rapport-%C3%A9t%C3%A9.csv`)).toBe('rapport-été.csv');
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('attachment')).toBeNull();
  });
});

describe('downloadFailure', () => {
  it('has a French sentence for a server that does not answer or does not explain', async () => {
    expect(await downloadFailure(new HttpErrorResponse({ status: 0 }))).toMatch(/ne répond pas/);
    expect(await downloadFailure(new HttpErrorResponse({ status: 502, error: new Blob(['<html>Bad gateway</html>']), headers: new HttpHeaders() }))).toBe(
      'Le téléchargement a échoué. Réessayez dans quelques instants.',
    );
  });
});
