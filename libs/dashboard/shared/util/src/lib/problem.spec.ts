import { HttpErrorResponse } from '@angular/common/http';
import { conflictOf, errorMessageOf, fieldErrorsOf, isConflict, problemOf } from './problem';

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
      { field: 'criteria.2.label', message: 'Libellé trop long.', code: 'maxLength' },
    ],
  },
});

describe('problem details', () => {
  it('reads the problem body of an API error, and nothing else', () => {
    expect(problemOf(validation)?.title).toBe('Requête invalide');
    expect(problemOf(new Error('boom'))).toBeNull();
    expect(problemOf(new HttpErrorResponse({ status: 502, error: '<html>' }))).toBeNull();
    expect(problemOf(new HttpErrorResponse({ status: 500, error: { message: 'not a problem' } }))).toBeNull();
  });

  it('keys field errors by form control and keeps the first message', () => {
    expect(fieldErrorsOf(validation)).toEqual({
      name: 'Le nom est obligatoire.',
      departments: 'Code de département inconnu.',
      'criteria.2': 'Libellé trop long.',
    });
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });

  it('words any failure in French, with a fallback of the caller', () => {
    expect(errorMessageOf(new HttpErrorResponse({ status: 403, error: { status: 403, title: 'Accès refusé', detail: 'Réservé au lab.' } }))).toBe(
      'Réservé au lab.',
    );
    expect(errorMessageOf(validation)).toBe('Requête invalide');
    expect(errorMessageOf(new HttpErrorResponse({ status: 0 }))).toMatch(/serveur ne répond pas/);
    expect(errorMessageOf(new HttpErrorResponse({ status: 403 }))).toMatch(/pas le droit/);
    expect(errorMessageOf(new HttpErrorResponse({ status: 404 }))).toMatch(/n'existe pas/);
    expect(errorMessageOf(new Error('x'))).toMatch(/a échoué/);
    expect(errorMessageOf(new HttpErrorResponse({ status: 502, error: '<html>' }), 'Le rapport n’a pas pu être calculé.')).toBe(
      'Le rapport n’a pas pu être calculé.',
    );
  });

  it('gives the current record of a stale-version conflict', () => {
    const stale = new HttpErrorResponse({ status: 409, error: { status: 409, title: 'Conflit', current: { id: 'p1', version: 4 } } });
    expect(isConflict(stale)).toBe(true);
    expect(conflictOf(stale)).toEqual({ id: 'p1', version: 4 });
    expect(isConflict(validation)).toBe(false);
    expect(conflictOf(validation)).toBeNull();
    expect(conflictOf(new HttpErrorResponse({ status: 409 }))).toBeNull();
  });
});
