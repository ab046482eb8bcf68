import { FieldErrorCode, ProblemType } from './error-code';

// RFC 9457 problem details, as every API error is answered.
export interface FieldError {
  // Dotted path of the field in the request (query, body or path parameter).
  field: string;
  // French, for a person.
  message: string;
  // Stable code for a program (e.g. isNotEmpty, maxLength, whitelistValidation).
  code: FieldErrorCode;
}

export interface Problem {
  type: ProblemType;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  // For a 409 on a stale version: the record as it stands now.
  current?: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
