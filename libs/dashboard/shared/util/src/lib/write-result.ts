import { Observable, firstValueFrom } from 'rxjs';
import { conflictOf, errorMessageOf, fieldErrorsOf } from './problem';

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

// The failure half of a WriteResult, for any error.
export function writeFailure<T>(error: unknown): Extract<WriteResult<T>, { ok: false }> {
  const conflict = conflictOf<T>(error);
  // On a conflict the fields are not wrong: the record changed under them.
  return { ok: false, message: errorMessageOf(error), fieldErrors: conflict ? {} : fieldErrorsOf(error), conflict };
}

// Runs one write call (an HTTP observable, or any async work) and answers a WriteResult, never a rejection.
export async function write<T>(call: Observable<T> | (() => Promise<T>)): Promise<WriteResult<T>> {
  try {
    return { ok: true, value: await (typeof call === 'function' ? call() : firstValueFrom(call)) };
  } catch (error: unknown) {
    return writeFailure<T>(error);
  }
}
