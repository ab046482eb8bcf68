import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { HANDLES_UNAUTHORIZED } from './auth-api';
import { RETURN_URL_PARAM, SIGN_IN_PATH } from './sign-in-route';
import { SessionStore } from './session-store';

// A 401 from the API means the session is gone: forget it and ask to sign in again.
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const router = inject(Router);
  const session = inject(SessionStore);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        isApiCall(req.url) &&
        !req.context.get(HANDLES_UNAUTHORIZED)
      ) {
        session.clear();
        const current = router.url;
        const queryParams = current.startsWith(SIGN_IN_PATH) ? {} : { [RETURN_URL_PARAM]: current };
        void router.navigate([SIGN_IN_PATH], { queryParams });
      }
      return throwError(() => error);
    }),
  );
};

function isApiCall(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith(`${globalThis.location?.origin ?? ''}/api/`);
}
