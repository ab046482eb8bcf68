import { HttpErrorResponse } from '@angular/common/http';
import { errorMessageOf, fieldErrorsOf, isConflict, problemOf } from './problem';

const validation = new HttpErrorResponse({
  status: 400,
  error: {
    type: 'about:blank',
    title: 'Requête invalide',
    status: 400,
    errors: [
      { field: 'name', message: 'Le nom est obligatoire.', code: 'isNotEmpty' },
      { field: 'departments.1', message: 'Code de département inconnu.', code: 'matches' },
      { field: 'name', message: 'Trop long.', code: 'maxLength' },
    ],
  },
});

describe('problem details', () => {
  it('reads the problem body of an API error', () => {
    expect(problemOf(validation)?.title).toBe('Requête invalide');
    expect(problemOf(new Error('boom'))).toBeNull();
    expect(problemOf(new HttpErrorResponse({ status: 502, error: '<html>' }))).toBeNull();
  });

  it('keys field errors by top-level field and keeps the first message', () => {
    expect(fieldErrorsOf(validation)).toEqual({ name: 'Le nom est obligatoire.', departments: 'Code de département inconnu.' });
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });

  it('words any failure in French', () => {
    expect(errorMessageOf(new HttpErrorResponse({ status: 403, error: { status: 403, title: 'Accès refusé', detail: 'Réservé au lab.' } }))).toBe(
      'Réservé au lab.',
    );
    expect(errorMessageOf(new HttpErrorResponse({ status: 0 }))).toMatch(/serveur ne répond pas/);
    expect(errorMessageOf(new HttpErrorResponse({ status: 403 }))).toMatch(/pas le droit/);
    expect(errorMessageOf(new Error('x'))).toMatch(/a échoué/);
  });

  it('recognises a stale-version conflict', () => {
    expect(isConflict(new HttpErrorResponse({ status: 409 }))).toBe(true);
    expect(isConflict(validation)).toBe(false);
  });
});
