import { HttpErrorResponse } from '@angular/common/http';
import { of, throwError } from 'rxjs';
import { write } from './write-result';

describe('write', () => {
  it('answers the saved record', async () => {
    expect(await write(of({ id: 'a', version: 2 }))).toEqual({ ok: true, value: { id: 'a', version: 2 } });
    expect(await write(async () => 'done')).toEqual({ ok: true, value: 'done' });
  });

  it('answers the message and the field errors of a refusal', async () => {
    const refusal = new HttpErrorResponse({
      status: 400,
      error: { status: 400, title: 'Requête invalide', detail: 'Corrigez les champs.', errors: [{ field: 'siret', message: 'SIRET invalide.', code: 'siret' }] },
    });
    expect(await write(throwError(() => refusal))).toEqual({
      ok: false,
      message: 'Corrigez les champs.',
      fieldErrors: { siret: 'SIRET invalide.' },
      conflict: null,
    });
  });

  it('answers the record as it stands now on a stale version', async () => {
    const current = { id: 'a', version: 5 };
    const stale = new HttpErrorResponse({ status: 409, error: { status: 409, title: 'Conflit', detail: 'Modifié entre-temps.', current } });
    const result = await write(async () => {
      throw stale;
    });
    expect(result).toEqual({ ok: false, message: 'Modifié entre-temps.', fieldErrors: {}, conflict: current });
  });
});
