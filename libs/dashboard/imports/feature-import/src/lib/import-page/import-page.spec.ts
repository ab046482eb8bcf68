import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ImportAnalysis, ImportReport } from '@sillon/contracts';
import { ImportPage } from './import-page';

const analysis: ImportAnalysis = {
  kind: 'projects',
  fileName: 'suivi.csv',
  columns: ['Nom du projet', 'Étape'],
  sample: [['Repair café', 'Prototype']],
  rowCount: 1,
  suggestedMapping: { name: 'Nom du projet', stage: 'Étape' },
};
const message = "Ligne 2, colonne « Étape » : « Prototype » n'est pas une étape connue (Co-design, Idéation, Prototypage, Incubation, Changement d'échelle).";
const withError: ImportReport = { kind: 'projects', dryRun: true, total: 1, created: 0, unchanged: 0, errors: 1, rows: [{ line: 2, status: 'error', label: 'Repair café', messages: [message] }] };

async function open() {
  TestBed.configureTestingModule({
    providers: [provideRouter([{ path: 'import', component: ImportPage }]), provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
  });
  const harness = await RouterTestingHarness.create('/import');
  return { harness, http: TestBed.inject(HttpTestingController), element: harness.routeNativeElement as HTMLElement };
}

const button = (element: HTMLElement, name: string) =>
  [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

describe('ImportPage', () => {
  it('reads the file, shows the columns and the row-by-row report, and keeps « Importer » off while a row is in error', async () => {
    const { harness, http, element } = await open();
    const input = element.querySelector('input[type=file]') as HTMLInputElement;
    expect(element.querySelector(`label[for="${input.id}"]`)?.textContent).toContain('Fichier à importer');
    expect(button(element, 'Lire le fichier').disabled).toBe(true);

    const file = new File(['Nom du projet;Étape\nRepair café;Prototype\n'], 'suivi.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    harness.detectChanges();
    button(element, 'Lire le fichier').click();
    const analyse = http.expectOne('/api/v1/imports/analyse');
    expect((analyse.request.body as FormData).get('kind')).toBe('projects');
    analyse.flush(analysis);
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(element.querySelector('h2#import-step-mapping')).not.toBeNull();
    expect(element.querySelectorAll('mat-form-field').length).toBeGreaterThan(10);
    button(element, 'Vérifier').click();
    const dryRun = http.expectOne('/api/v1/imports/dry-run');
    expect(JSON.parse((dryRun.request.body as FormData).get('mapping') as string)).toEqual({ name: 'Nom du projet', stage: 'Étape' });
    dryRun.flush(withError);
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(element.querySelector('[role=status]')?.textContent?.trim()).toBe('1 ligne lue : 0 ligne à créer, 0 déjà présente (inchangée), 1 en erreur.');
    expect(element.querySelector('table.report tbody')?.textContent).toContain(message);
    expect(button(element, 'Importer').disabled).toBe(true);
    http.verify();
  });
});
