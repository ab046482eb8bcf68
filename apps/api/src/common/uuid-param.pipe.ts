import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationException } from './validation-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

// A malformed id in a path is bad input (400 naming the parameter), never a 500 from PostgreSQL.
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUuid(value)) {
      throw new RequestValidationException([
        { field: metadata.data ?? 'id', message: 'Un identifiant (UUID) valide est attendu.', code: 'isUuid' },
      ]);
    }
    return value.toLowerCase();
  }
}
