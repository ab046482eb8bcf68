import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ErrorCode, FieldError, Problem, PROBLEM_CONTENT_TYPE, problemType } from '@sillon/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { databaseFailure, DatabaseFailure, loggableError } from './database-errors';
import { RequestValidationException } from './validation-errors';

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Action non autorisée',
  404: 'Ressource introuvable',
  405: 'Méthode non permise',
  409: 'Conflit',
  413: 'Requête trop volumineuse',
  415: 'Type de contenu non pris en charge',
  422: 'Requête impossible à traiter',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

// Messages Nest and its pipes produce by themselves (router 404, default exception texts).
const NEST_DEFAULT_MESSAGE =
  /^(Cannot [A-Z]+ \/|Not Found$|Forbidden$|Forbidden resource$|Unauthorized$|Bad Request$|Conflict$|Too Many Requests$|Method Not Allowed$|Internal Server Error$|Validation failed|ThrottlerException)/;

const DEFAULT_DETAILS: Record<number, string> = {
  404: "Cette ressource n'existe pas ou n'est pas accessible.",
  500: 'Une erreur inattendue est survenue. Elle a été enregistrée.',
};

// A database that is away, or writes that collided twice: the client may try again shortly.
const DATABASE_PROBLEMS: Record<DatabaseFailure, { code: ErrorCode; detail: string }> = {
  unavailable: {
    code: 'database-unavailable',
    detail: 'La base de données ne répond pas pour le moment. Réessayez dans quelques secondes.',
  },
  retryable: {
    code: 'concurrent-writes',
    detail: "Des modifications simultanées ont empêché l'enregistrement : rien n'a été enregistré. Réessayez dans quelques secondes.",
  },
};
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// An exception that carries a French detail, optional field errors and, for a 409, the current record.
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; current?: unknown; code?: ErrorCode } = {},
  ) {
    super(detail, status);
  }
}

interface PgError {
  code?: string;
  constraint?: string;
}

// Every error leaves as application/problem+json (RFC 9457); no stack trace or SQL reaches a client.
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) this.log(exception, problem.status, request);
    if (response.headersSent) return;
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE && databaseFailure(exception)) {
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  // A database error is logged as its code and place only (databaseErrorSummary): pino would print
  // every property of the error, and TypeORM's QueryFailedError holds the statement, its parameters
  // (a session token's hash, an e-mail, a contact's name) and PostgreSQL's detail, which quotes them.
  private log(exception: unknown, status: number, request: Request): void {
    const fields = loggableError(exception);
    const message = 'database' in fields ? (status === 503 ? 'database unavailable' : 'database error') : 'unexpected error';
    this.logger.error({ ...fields, status, path: request.url }, message);
  }

  private toProblem(exception: unknown, request: Request): Problem {
    const instance = request.originalUrl?.split('?')[0];
    if (exception instanceof RequestValidationException) {
      return { ...this.base(400, instance), detail: 'La requête contient des données invalides.', errors: exception.fieldErrors };
    }
    if (exception instanceof ProblemException) {
      const status = exception.getStatus();
      return {
        ...this.base(status, instance, exception.extra.code),
        detail: exception.detail,
        ...(exception.extra.errors ? { errors: exception.extra.errors } : {}),
        ...(exception.extra.current !== undefined ? { current: exception.extra.current } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      // A service's message is ours (French); Nest's own defaults are English and stay out.
      const own = typeof message === 'string' && !NEST_DEFAULT_MESSAGE.test(message) ? message : undefined;
      return { ...this.base(status, instance), detail: own ?? DEFAULT_DETAILS[status] ?? TITLES[status] ?? 'Erreur' };
    }
    // body-parser: malformed JSON, body too large, unsupported charset.
    const bodyError = exception as { type?: string; status?: number; statusCode?: number };
    if (bodyError && typeof bodyError.type === 'string' && typeof (bodyError.status ?? bodyError.statusCode) === 'number') {
      const status = (bodyError.status ?? bodyError.statusCode) as number;
      const detail =
        bodyError.type === 'entity.parse.failed'
          ? "Le corps de la requête n'est pas un JSON valide."
          : bodyError.type === 'entity.too.large'
            ? 'Le corps de la requête est trop volumineux.'
            : 'Le corps de la requête ne peut pas être lu.';
      return { ...this.base(status, instance), detail };
    }
    const failure = databaseFailure(exception);
    if (failure) {
      const { code, detail } = DATABASE_PROBLEMS[failure];
      return { ...this.base(HttpStatus.SERVICE_UNAVAILABLE, instance, code), detail };
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as PgError;
      // Values PostgreSQL refused although validation passed: answer as bad input, never a 500.
      if (pg.code === '22P02' || pg.code === '22021' || pg.code === '22007' || pg.code === '22008' || pg.code === '22003' || pg.code === '22001') {
        return { ...this.base(400, instance), detail: 'Une valeur de la requête est invalide.' };
      }
      if (pg.code === '23505') {
        return { ...this.base(409, instance), detail: 'Un enregistrement identique existe déjà.' };
      }
      if (pg.code === '23503') {
        return { ...this.base(409, instance), detail: 'Cet enregistrement est lié à un autre enregistrement absent ou encore utilisé.' };
      }
    }
    return { ...this.base(HttpStatus.INTERNAL_SERVER_ERROR, instance), detail: DEFAULT_DETAILS[500] };
  }

  private base(status: number, instance: string | undefined, code?: ErrorCode): Problem {
    return {
      type: problemType(code),
      title: TITLES[status] ?? 'Erreur',
      status,
      ...(instance ? { instance } : {}),
    };
  }
}
