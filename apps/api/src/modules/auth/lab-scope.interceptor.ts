import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { runWithLabs } from '../../database/database-session';
import { AuthenticatedRequest } from './session.guard';

// Runs each handler with the labs of the caller's session in reach of row-level security: the
// database's own check behind every scope the services write in SQL. Public routes, and the guard's
// own session lookup, reach no lab's rows. Personal data follow the session's personal-data labs.
@Injectable()
export class LabScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const session = context.getType() === 'http' ? context.switchToHttp().getRequest<AuthenticatedRequest>().session : undefined;
    return new Observable((subscriber) =>
      runWithLabs(session?.labIds ?? [], () => next.handle().subscribe(subscriber), session?.personalLabIds ?? []),
    );
  }
}
