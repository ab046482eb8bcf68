import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Role, ROLES, USER_SORTS, UserListQuery, UserSort } from '@sillon/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsSearch } from '../../../common/word-search';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class UserListQueryDto implements UserListQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('loose')
  labId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Comptes des labs de la région et directions de la région' })
  @IsOptional() @IsUUID('loose')
  regionId?: string;

  @ApiPropertyOptional()
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Recherche sans casse ni accents dans le nom et l’adresse e-mail : chaque mot (8 au plus), dans n’importe quel ordre' })
  @IsOptional() @IsString() @MaxLength(200) @IsSearch()
  q?: string;

  @ApiPropertyOptional({ enum: USER_SORTS, default: 'displayName' })
  @IsOptional() @IsIn(USER_SORTS)
  sort?: UserSort;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, maximum: MAX_PAGE_SIZE })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
