import { FormGroup } from '@angular/forms';

// Puts each server error next to its field; true when one had no field to go to (or none came).
export function placeFieldErrors(form: FormGroup, errors: Record<string, string>): boolean {
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
