import { HttpErrorResponse } from '@angular/common/http';
import { Problem } from '@sillon/contracts';

// The problem+json body of a failed call, if the API sent one.
export function problemOf(error: unknown): Problem | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'status' in body && 'title' in body) return body as Problem;
  return null;
}

// Field errors keyed by the top-level field name (`departments.0` → `departments`), first message kept.
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of problemOf(error)?.errors ?? []) {
    const field = item.field.split('.')[0];
    errors[field] ??= item.message;
  }
  return errors;
}

// One French sentence for a person, whatever went wrong.
export function errorMessageOf(error: unknown): string {
  const problem = problemOf(error);
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
    if (error.status === 403) return "Vous n'avez pas le droit de faire cette modification.";
    if (error.status === 404) return "Cet enregistrement n'existe pas ou n'est plus accessible.";
  }
  return "L'opération a échoué. Réessayez dans quelques instants.";
}

export function isConflict(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 409;
}
