import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '../../common/problem-details.filter';
import { Principal } from '../access/principal';

export const USER_NOT_FOUND = "Ce compte n'existe pas ou n'est pas accessible.";

// Who reads and manages accounts. Admins manage every account; a lab manager reads the accounts of
// their own lab (to assign project leads) and changes none; directors and project leads have no access.
@Injectable()
export class UserAccessPolicy {
  // Decided on the role alone, before any lookup: the answer reveals nothing about an id.
  assertCanRead(principal: Principal): void {
    if (principal.role !== 'admin' && principal.role !== 'lab_manager') {
      throw new ProblemException(HttpStatus.FORBIDDEN, "La gestion des comptes est réservée à l'administration de la plateforme.");
    }
  }

  // SQL condition on an app_user alias; pushes its parameter.
  readScope(principal: Principal, alias: string, params: unknown[]): string {
    if (principal.role === 'admin') return 'true';
    if (principal.role === 'lab_manager' && principal.labId) {
      params.push(principal.labId);
      return `${alias}.lab_id = $${params.length}`;
    }
    return 'false';
  }

  // Called once the account is known to be visible (404 otherwise).
  assertCanManage(principal: Principal): void {
    if (principal.role !== 'admin') {
      throw new ProblemException(HttpStatus.FORBIDDEN, "Seule l'administration de la plateforme peut créer ou modifier un compte.");
    }
  }

  // An admin cannot lock themselves out: no self-deactivation, no self-demotion.
  assertNotSelfLockout(principal: Principal, userId: string, change: { role?: string; active?: boolean }): void {
    if (principal.userId !== userId) return;
    if (change.active === false || (change.role !== undefined && change.role !== 'admin')) {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'Vous ne pouvez ni désactiver votre propre compte ni retirer votre propre rôle.');
    }
  }
}
