import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Role } from '@sillon/contracts';
import { RETURN_URL_PARAM, SIGN_IN_PATH, homePathOf } from './sign-in-route';
import { SessionStore } from './session-store';

// Lets a signed-in person through; anyone else goes to the sign-in page and comes back after.
export const authGuard: CanActivateFn = async (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  const me = await session.load();
  return me ? true : router.createUrlTree([SIGN_IN_PATH], { queryParams: { [RETURN_URL_PARAM]: state.url } });
};

// Lets through only the given roles; the others land on their home page.
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return async (_route, state) => {
    const session = inject(SessionStore);
    const router = inject(Router);
    const me = await session.load();
    if (!me) {
      return router.createUrlTree([SIGN_IN_PATH], { queryParams: { [RETURN_URL_PARAM]: state.url } });
    }
    return roles.includes(me.role) ? true : router.createUrlTree([homePathOf(me.role)]);
  };
}
