import { AbstractControl, ValidationErrors } from '@angular/forms';
import { DEPARTMENT_CODE_PATTERN } from '@sillon/contracts';
import { departmentCodesIn, departmentNames } from '@sillon/util';

// A text field of INSEE codes ("59, 62"): `departments` error naming the codes that are not one.
export function departmentsValidator(control: AbstractControl<string | null>): ValidationErrors | null {
  const wrong = departmentCodesIn(control.value ?? '').filter((code) => !DEPARTMENT_CODE_PATTERN.test(code));
  return wrong.length ? { departments: wrong.join(', ') } : null;
}

// The names of the départements typed so far ("Nord, Pas-de-Calais"), or the field's usual hint.
export function departmentsHint(text: string | null, hint = 'Codes INSEE séparés par des virgules, par exemple 59, 62'): string {
  const codes = departmentCodesIn(text ?? '').filter((code) => DEPARTMENT_CODE_PATTERN.test(code));
  return codes.length ? departmentNames(codes) : hint;
}
