import { BadRequestException, ValidationError } from '@nestjs/common';
import { FieldError, FieldErrorCode } from '@sillon/contracts';

const number = (message: string) => message.match(/-?\d+(\.\d+)?/)?.[0] ?? '';

// French messages for class-validator's constraints; the English default is the fallback source
// for the numbers it carries (lengths, bounds).
const FRENCH: Record<string, (english: string) => string> = {
  whitelistValidation: () => "Ce champ n'est pas attendu.",
  isDefined: () => 'Ce champ est obligatoire.',
  isNotEmpty: () => 'Ce champ est obligatoire.',
  isString: () => 'Une chaîne de caractères est attendue.',
  isBoolean: () => 'Un booléen (true ou false) est attendu.',
  isInt: () => 'Un nombre entier est attendu.',
  isNumber: () => 'Un nombre est attendu.',
  isArray: () => 'Une liste est attendue.',
  isEmail: () => 'Une adresse e-mail valide est attendue.',
  isUuid: () => 'Un identifiant (UUID) valide est attendu.',
  isUUID: () => 'Un identifiant (UUID) valide est attendu.',
  isIn: () => "Cette valeur n'est pas permise.",
  isEnum: () => "Cette valeur n'est pas permise.",
  isIso8601: () => 'Une date valide au format AAAA-MM-JJ est attendue.',
  isISO8601: () => 'Une date valide au format AAAA-MM-JJ est attendue.',
  isDateString: () => 'Une date valide au format AAAA-MM-JJ est attendue.',
  isUrl: () => 'Une adresse web (https://…) valide est attendue.',
  isURL: () => 'Une adresse web (https://…) valide est attendue.',
  maxLength: (m) => `${number(m)} caractères au maximum.`,
  minLength: (m) => `${number(m)} caractères au minimum.`,
  arrayMaxSize: (m) => `${number(m)} éléments au maximum.`,
  arrayMinSize: (m) => `${number(m)} éléments au minimum.`,
  max: (m) => `La valeur maximale est ${number(m)}.`,
  min: (m) => `La valeur minimale est ${number(m)}.`,
  isPositive: () => 'Un nombre positif est attendu.',
  matches: () => "Le format n'est pas valide.",
  nestedValidation: () => 'Un objet est attendu.',
};

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, english]) => ({
      field,
      // A constraint's name; validation-errors.spec.ts checks that every one the DTOs declare is listed.
      code: code as FieldErrorCode,
      // A custom validator's own message is already French.
      message: FRENCH[code]?.(english) ?? english,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export class RequestValidationException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('La requête contient des données invalides.');
  }
}

export function validationExceptionFactory(errors: ValidationError[]): RequestValidationException {
  return new RequestValidationException(flattenValidationErrors(errors));
}
