import { applyDecorators } from '@nestjs/common';
import { COMMUNE_CODE_PATTERN, DEPARTMENT_CODE_PATTERN, THEMES } from '@sillon/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';

export const ThemesField = () => applyDecorators(IsArray(), ArrayMaxSize(THEMES.length), ArrayUnique(), IsIn(THEMES, { each: true }));

export const DepartmentsField = () =>
  applyDecorators(IsArray(), ArrayMaxSize(120), ArrayUnique(), IsString({ each: true }), Matches(DEPARTMENT_CODE_PATTERN, { each: true }));

export const CommunesField = () =>
  applyDecorators(IsArray(), ArrayMaxSize(500), ArrayUnique(), IsString({ each: true }), Matches(COMMUNE_CODE_PATTERN, { each: true }));

// Not only spaces.
export const HasText = () => Matches(/\S/);
