import { HttpErrorResponse } from '@angular/common/http';
import { Problem } from '@sillon/contracts';
import { Observable, firstValueFrom } from 'rxjs';

// What a save returned: the saved record, or why not in French, with the server's word per field.
export type WriteResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string>;
      // Someone else saved first (409): the record as it stands now.
      conflict: T | null;
    };

function problemOf(error: unknown): Problem | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'status' in body && 'title' in body) return body as Problem;
  return null;
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

// Field errors keyed by the top-level field (`departments.0` → `departments`), first message kept,
// except criteria whose index tells which line is wrong (`criteria.2.label` → `criteria.2`).
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of problemOf(error)?.errors ?? []) {
    const parts = item.field.split('.');
    const field = parts[0] === 'criteria' && parts.length > 1 ? `criteria.${parts[1]}` : parts[0];
    errors[field] ??= item.message;
  }
  return errors;
}

export async function write<T>(call: Observable<T>): Promise<WriteResult<T>> {
  try {
    return { ok: true, value: await firstValueFrom(call) };
  } catch (error: unknown) {
    const conflict = error instanceof HttpErrorResponse && error.status === 409 ? ((problemOf(error)?.current as T | undefined) ?? null) : null;
    return { ok: false, message: errorMessageOf(error), fieldErrors: fieldErrorsOf(error), conflict };
  }
}
