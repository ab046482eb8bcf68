import { applyDecorators } from '@nestjs/common';
import { COMMUNE_CODE_PATTERN, DEPARTMENT_CODE_PATTERN, THEMES } from '@sillon/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsString, Matches, ValidateIf } from 'class-validator';

export const ThemesField = () => applyDecorators(IsArray(), ArrayMaxSize(THEMES.length), ArrayUnique(), IsIn(THEMES, { each: true }));

export const DepartmentsField = () =>
  applyDecorators(IsArray(), ArrayMaxSize(120), ArrayUnique(), IsString({ each: true }), Matches(DEPARTMENT_CODE_PATTERN, { each: true }));

export const CommunesField = () =>
  applyDecorators(IsArray(), ArrayMaxSize(500), ArrayUnique(), IsString({ each: true }), Matches(COMMUNE_CODE_PATTERN, { each: true }));

// Strict: 2026-02-30 is refused, and only a calendar date (no time) is accepted.
export const DateField = () => applyDecorators(IsISO8601({ strict: true }), Matches(/^\d{4}-\d{2}-\d{2}$/));

// May be left out, but not null (class-validator's IsOptional would let null through to a NOT NULL column).
export const Optional = () => ValidateIf((_o, value) => value !== undefined);

// May be left out or null.
export const Nullable = () => ValidateIf((_o, value) => value !== undefined && value !== null);

// Not only spaces.
export const HasText = () => Matches(/\S/);
