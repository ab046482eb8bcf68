import { HttpErrorResponse } from '@angular/common/http';
import { Problem } from '@sillon/contracts';

// The problem+json body of a failed call, if the API sent one.
export function problemOf(error: unknown): Problem | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  return body && typeof body === 'object' && 'status' in body && 'title' in body ? (body as Problem) : null;
}

// Field errors keyed by top-level field (`criteriaMet.0` → `criteriaMet`), first message kept.
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of problemOf(error)?.errors ?? []) errors[item.field.split('.')[0]] ??= item.message;
  return errors;
}

// One French sentence for a person, whatever went wrong.
export function errorMessageOf(error: unknown): string {
  const problem = problemOf(error);
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  if (error instanceof HttpErrorResponse && error.status === 0) return 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
  return "L'opération a échoué. Réessayez dans quelques instants.";
}
