import { HttpErrorResponse } from '@angular/common/http';
import { Problem } from '@sillon/contracts';

const GENERIC_FAILURE = "L'opération a échoué. Réessayez dans quelques instants.";

// The problem+json body of a failed call, if the API sent one (a proxy's HTML page is not one).
export function problemOf(error: unknown): Problem | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  return body && typeof body === 'object' && 'status' in body && 'title' in body ? (body as Problem) : null;
}

// One French sentence for a person, whatever went wrong; `fallback` words a failure the API did not explain.
export function errorMessageOf(error: unknown, fallback = GENERIC_FAILURE): string {
  const problem = problemOf(error);
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
    if (error.status === 403) return "Vous n'avez pas le droit de faire cette opération.";
    if (error.status === 404) return "Cet enregistrement n'existe pas ou n'est plus accessible.";
  }
  return fallback;
}

// Field errors keyed by the form control they belong to, first message kept: the top-level field
// (`departments.0` → `departments`), or the line of a list of objects (`criteria.2.label` → `criteria.2`).
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of problemOf(error)?.errors ?? []) {
    const [field, index, rest] = item.field.split('.');
    const key = rest !== undefined && /^\d+$/.test(index) ? `${field}.${index}` : field;
    errors[key] ??= item.message;
  }
  return errors;
}

// Someone else saved first: the 409 of a stale version.
export function isConflict(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 409;
}

// The record as it stands now, sent with a 409; null for any other failure.
export function conflictOf<T>(error: unknown): T | null {
  return isConflict(error) ? ((problemOf(error)?.current as T | undefined) ?? null) : null;
}
