import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { RequestWithPrincipal } from '../access/principal';
import { ImportsService } from './imports.service';

// Refuses anyone but a lab manager before the upload is read: 401 anonymous, 403 the other roles.
@Injectable()
export class ImportersOnlyGuard implements CanActivate {
  constructor(private readonly imports: ImportsService) {}

  canActivate(context: ExecutionContext): boolean {
    this.imports.assertImporter(context.switchToHttp().getRequest<RequestWithPrincipal>().principal);
    return true;
  }
}
