import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { Contact, Role } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { exportFileName, OrganisationDetail } from './organisation-detail';

const ORG_ID = '66666666-6666-4666-8666-666666666666';
const CONTACT: Contact = {
  id: 'c1',
  labId: 'lab',
  organisationId: ORG_ID,
  organisationName: 'Régie de quartier',
  fullName: 'Élise Roux',
  email: 'elise@regie.example.fr',
  phone: '03 20 00 00 00',
  roleTitle: 'Présidente',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

// Compiling Material components for the first test is slow on a busy machine.
jest.setTimeout(20_000);

async function render(role: Role) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter([]),
      { provide: SessionStore, useValue: { role: computed(() => signal<Role>(role)()) } },
    ],
  });
  const fixture = TestBed.createComponent(OrganisationDetail);
  fixture.componentRef.setInput('id', ORG_ID);
  const http = TestBed.inject(HttpTestingController);
  await fixture.whenStable();
  // The national direction reads no personal data: its page does not even ask for the contacts.
  if (role === 'national') http.expectNone((r) => r.url === '/api/v1/contacts');
  else http.expectOne((r) => r.url === '/api/v1/contacts').flush({ items: [CONTACT], total: 1, page: 1, pageSize: 200 });
  http.expectOne(`/api/v1/organisations/${ORG_ID}`).flush({
    id: ORG_ID, labId: 'lab', name: 'Régie de quartier', type: 'association', siret: '73282932000074', department: '59', version: 1, createdAt: '', updatedAt: '',
  });
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const buttons = (element: HTMLElement) => [...element.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim());

describe('OrganisationDetail', () => {
  it('shows the organisation and its contacts, with the GDPR actions for a lab manager', async () => {
    const element = await render('lab_manager');
    expect(element.querySelector('h1')?.textContent).toContain('Régie de quartier');
    expect(element.textContent).toContain('732 829 320 00074');
    expect(element.querySelector('tbody tr')?.textContent).toContain('Présidente');
    expect(buttons(element)).toEqual(['Ajouter un contact', 'Modifier Élise Roux', 'Exporter les données de Élise Roux', 'Effacer les données de Élise Roux']);
  });

  it('lets other roles read the contacts with no button', async () => {
    const element = await render('project_lead');
    expect(element.querySelector('tbody tr')?.textContent).toContain('elise@regie.example.fr');
    expect(buttons(element)).toEqual([]);
  });

  it('shows the national direction the organisation without its contacts, and why', async () => {
    const element = await render('national');
    expect(element.querySelector('h1')?.textContent).toContain('Régie de quartier');
    expect(element.querySelector('table')).toBeNull();
    expect(element.textContent).toContain('la direction nationale ne les consulte pas');
    expect(buttons(element)).toEqual([]);
  });

  it('names the export file after the person and the day, without accents', () => {
    expect(exportFileName(CONTACT, '2026-05-12T08:00:00.000Z')).toBe('contact-elise-roux-2026-05-12.json');
  });
});
