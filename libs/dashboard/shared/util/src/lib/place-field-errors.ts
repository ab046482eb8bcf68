import { AbstractControl } from '@angular/forms';

// Puts each server error next to its form control (`server` error); true when one had no control
// to go to, or none came: then the caller shows the message above the form.
export function placeFieldErrors(form: AbstractControl, errors: Record<string, string>): boolean {
  let unplaced = Object.keys(errors).length === 0;
  for (const [field, message] of Object.entries(errors)) {
    const control = form.get(field);
    if (control) {
      control.setErrors({ server: message });
      control.markAsTouched();
    } else {
      unplaced = true;
    }
  }
  return unplaced;
}
