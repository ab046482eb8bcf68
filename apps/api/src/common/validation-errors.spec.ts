import { FIELD_ERROR_CODES } from '@sillon/contracts';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { flattenValidationErrors } from './validation-errors';

const dtoFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? dtoFiles(path) : name.endsWith('.dto.ts') ? [path] : [];
  });

interface Metadata {
  type: string;
  constraintCls: new () => unknown;
}

// The code a failed constraint is answered with, as class-validator names it (none for @ValidateIf).
function constraintCode(metadata: Metadata): string | null {
  if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) return getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)[0].name;
  return metadata.type === ValidationTypes.CONDITIONAL_VALIDATION ? null : metadata.type;
}

describe('field error codes', () => {
  it('lists in the contracts the code of every constraint the request DTOs declare', () => {
    const files = dtoFiles(join(__dirname, '..'));
    for (const file of files) require(file);
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Metadata[]> };
    const declared = new Set([...storage.validationMetadatas.values()].flat().map(constraintCode).filter((code) => code !== null));
    expect(files.length).toBeGreaterThan(10);
    expect(declared).toContain('isSiret');
    const listed: readonly string[] = FIELD_ERROR_CODES;
    expect([...declared].filter((code) => !listed.includes(code))).toEqual([]);
    // Refused extra fields are answered too.
    expect(listed).toContain('whitelistValidation');
  });

  it('names each field by its dotted path, with a French message', () => {
    const errors = flattenValidationErrors([
      {
        property: 'criteria',
        children: [{ property: '0', children: [{ property: 'label', constraints: { maxLength: 'label must be shorter than or equal to 300 characters' }, children: [] }] }],
      },
      { property: 'colour', constraints: { whitelistValidation: 'property colour should not exist' }, children: [] },
    ]);
    expect(errors).toEqual([
      { field: 'criteria.0.label', code: 'maxLength', message: '300 caractères au maximum.' },
      { field: 'colour', code: 'whitelistValidation', message: "Ce champ n'est pas attendu." },
    ]);
  });
});
