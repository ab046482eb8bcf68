import { AbstractControl, FormControl, FormGroupDirective, NgForm, ValidationErrors } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { isValidSiret } from '@sillon/util';

// People copy SIRETs with spaces (732 829 320 00074): only digits count.
export function siretDigits(value: string): string {
  return value.replace(/[\s.]/g, '');
}

// Empty is fine (the SIRET is optional); otherwise 14 digits whose Luhn key is right.
export function siretValidator(control: AbstractControl<string | null>): ValidationErrors | null {
  const digits = siretDigits(control.value ?? '');
  if (digits === '') return null;
  if (!/^\d+$/.test(digits)) return { siretFormat: 'Le SIRET ne contient que des chiffres.' };
  if (digits.length !== 14) return { siretFormat: `Le SIRET compte 14 chiffres (${digits.length} saisis).` };
  if (!isValidSiret(digits)) return { siretKey: 'Ce SIRET est invalide : sa clé de contrôle ne correspond pas. Vérifiez les chiffres.' };
  return null;
}

// Shows the error while typing, not only after leaving the field.
export class AsYouTypeErrorMatcher implements ErrorStateMatcher {
  isErrorState(control: FormControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return !!control?.invalid && (control.dirty || control.touched || !!form?.submitted);
  }
}
