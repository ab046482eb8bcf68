import { DEPARTMENT_CODE_PATTERN } from '@sillon/contracts';
import { isValidSiret } from '@sillon/util';
import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsString, Matches, registerDecorator, ValidationOptions } from 'class-validator';

// INSEE département codes, as the contracts declare them.
export const IsDepartment = () => Matches(DEPARTMENT_CODE_PATTERN, { message: "Un code de département INSEE est attendu (ex. 59, 2A, 974)." });

export function IsSiret(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSiret',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'Le SIRET doit comporter 14 chiffres avec une clé de contrôle valide (Luhn).', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidSiret(value) },
    });
}

// A calendar date, YYYY-MM-DD, that exists (2026-02-30 is refused): no time, no time zone.
export const IsIsoDate = () =>
  applyDecorators(
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Une date au format AAAA-MM-JJ est attendue.' }),
    IsISO8601({ strict: true, strictSeparator: true }),
  );
