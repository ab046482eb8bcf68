import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'sillon:isPublic';

// Marks a route that anonymous callers may use (health, sign-in, open data).
export const Public = () => SetMetadata(IS_PUBLIC, true);
