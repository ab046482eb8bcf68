import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '../../common/problem-details.filter';
import { Principal } from '../access/principal';

export const LAB_NOT_FOUND = "Ce lab n'existe pas ou n'est pas accessible.";
export const REGION_NOT_FOUND = "Cette région n'existe pas ou n'est pas accessible.";

// Who sees and manages regions and labs. Everyone signed in reads the labs within their reach
// (their lab, their region's labs, all for an admin or a national account); only admins create or change them.
@Injectable()
export class LabDirectoryPolicy {
  // SQL condition on a lab alias; pushes its parameter.
  labScope(principal: Principal, alias: string, params: unknown[]): string {
    if (principal.role === 'admin' || principal.role === 'national') return 'true';
    if (principal.role === 'regional_director') {
      params.push(principal.regionId);
      return `${alias}.region_id = $${params.length}`;
    }
    params.push(principal.labId);
    return `${alias}.id = $${params.length}`;
  }

  regionScope(principal: Principal, alias: string, params: unknown[]): string {
    if (principal.role === 'admin' || principal.role === 'national') return 'true';
    params.push(principal.regionId);
    return `${alias}.id = $${params.length}`;
  }

  assertAdmin(principal: Principal): void {
    if (principal.role !== 'admin') {
      throw new ProblemException(HttpStatus.FORBIDDEN, "Seule l'administration de la plateforme gère les régions et les labs.");
    }
  }
}
