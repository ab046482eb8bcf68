import { FormControl, FormGroup } from '@angular/forms';
import { placeFieldErrors } from './place-field-errors';

describe('placeFieldErrors', () => {
  const form = () => new FormGroup({ name: new FormControl(''), siret: new FormControl('') });

  it('puts each message under its control', () => {
    const f = form();
    expect(placeFieldErrors(f, { siret: 'SIRET invalide.' })).toBe(false);
    expect(f.controls.siret.errors).toEqual({ server: 'SIRET invalide.' });
    expect(f.controls.siret.touched).toBe(true);
    expect(f.controls.name.errors).toBeNull();
  });

  it('says when a message has no control to go to, or when none came', () => {
    expect(placeFieldErrors(form(), { version: 'Version manquante.' })).toBe(true);
    expect(placeFieldErrors(form(), {})).toBe(true);
  });
});
