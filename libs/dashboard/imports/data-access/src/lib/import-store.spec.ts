import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ImportAnalysis, ImportReport } from '@sillon/contracts';
import { of, throwError } from 'rxjs';
import { ImportsApi } from './imports-api';
import { ImportStore } from './import-store';

const analysis: ImportAnalysis = {
  kind: 'projects',
  fileName: 'suivi.csv',
  columns: ['Nom du projet', 'Étape'],
  sample: [['Repair café', 'Idéation']],
  rowCount: 1,
  suggestedMapping: { name: 'Nom du projet', stage: 'Étape' },
};
const clean: ImportReport = { kind: 'projects', dryRun: true, total: 1, created: 1, unchanged: 0, errors: 0, rows: [{ line: 2, status: 'create', label: 'Repair café', messages: [] }] };

describe('ImportStore', () => {
  let api: { analyse: jest.Mock; dryRun: jest.Mock; run: jest.Mock };
  let store: ImportStore;
  const file = new File(['Nom du projet;Étape\nRepair café;Idéation\n'], 'suivi.csv', { type: 'text/csv' });

  beforeEach(() => {
    api = { analyse: jest.fn(() => of(analysis)), dryRun: jest.fn(() => of(clean)), run: jest.fn(() => of({ ...clean, dryRun: false })) };
    TestBed.configureTestingModule({ providers: [ImportStore, { provide: ImportsApi, useValue: api }] });
    store = TestBed.inject(ImportStore);
  });

  it('takes the suggested mapping, and allows the import only after a clean dry run of that mapping', async () => {
    store.setFile(file);
    expect(await store.analyse()).toBe(true);
    expect(store.mapping()).toEqual({ name: 'Nom du projet', stage: 'Étape' });
    expect(store.canImport()).toBe(false);
    await store.dryRun();
    expect(store.canImport()).toBe(true);
    // Another column for a field: the dry run no longer stands.
    store.setColumn('stage', '');
    expect(store.mapping()).toEqual({ name: 'Nom du projet' });
    expect(store.canImport()).toBe(false);
    await store.dryRun();
    expect(await store.import()).toBe(true);
    expect(api.run).toHaveBeenCalledWith('projects', file, { name: 'Nom du projet' });
    expect(store.result()?.created).toBe(1);
    expect(store.canImport()).toBe(false);
  });

  it('marks required fields left without a column, and refuses a dry run with errors to import', async () => {
    store.setFile(file);
    await store.analyse();
    store.setColumn('name', '');
    expect(store.missingFields().map((f) => f.label)).toEqual(['Nom du projet']);
    expect(store.canDryRun()).toBe(false);
    api.dryRun.mockReturnValue(of({ ...clean, created: 0, errors: 1, rows: [{ line: 2, status: 'error', label: '', messages: ['Ligne 2…'] }] }));
    store.setColumn('name', 'Nom du projet');
    await store.dryRun();
    expect(store.canImport()).toBe(false);
  });

  it('lists the rows of a refused import apart from the fields, in French', async () => {
    store.setFile(file);
    await store.analyse();
    await store.dryRun();
    const problem = {
      type: 'urn:sillon:problem:import-rows-invalid',
      title: 'Bad Request',
      status: 400,
      detail: "1 ligne du fichier ne peut pas être importée : rien n'a été importé.",
      errors: [{ field: 'rows.2', code: 'importRow', message: 'Ligne 2, colonne « Étape » : …' }],
    };
    api.run.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 400, error: problem })));
    expect(await store.import()).toBe(false);
    expect(store.error()).toBe(problem.detail);
    expect(store.rowErrors()).toEqual(['Ligne 2, colonne « Étape » : …']);
    expect(store.fieldErrors()).toEqual({});
    expect(store.report()).toBeNull();
  });
});
