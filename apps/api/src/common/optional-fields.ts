import { ValidateIf } from 'class-validator';

// May be left out (in a PATCH: unchanged), but not null: class-validator's @IsOptional would let null through
// to a NOT NULL column.
export const IsOptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

// May be left out (in a PATCH: unchanged) or null (clears an optional field).
export const NullableOptional = () => ValidateIf((_object, value) => value !== null && value !== undefined);
