import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Principal } from '../access/principal';
import { LAB_NOT_FOUND, ProjectAccessPolicy } from '../access/project-access.policy';

// Who may build and export the portfolio report, and over which labs.
@Injectable()
export class ReportAccessPolicy {
  constructor(private readonly projects: ProjectAccessPolicy) {}

  // Lab managers report on their lab, regional directors on their region. Project leads read
  // their lab's projects but do not export the portfolio; admins do not read it at all.
  assertReporter(principal: Principal | undefined): asserts principal is Principal {
    this.projects.assertPortfolioReader(principal);
    if (principal.role !== 'lab_manager' && principal.role !== 'regional_director') {
      throw new ForbiddenException('Les rapports de portefeuille sont réservés aux responsables de lab et à la direction régionale.');
    }
  }

  labScope(principal: Principal, column: string, params: unknown[]): string {
    return this.projects.labScope(principal, column, params);
  }

  // A lab asked for outside the caller's reach is answered like a lab that does not exist.
  assertLabsReadable(principal: Principal, asked: string[], readable: { id: string; regionId: string }[]): void {
    for (const id of asked) {
      const lab = readable.find((l) => l.id === id);
      if (!lab || !this.projects.canReadLab(principal, lab)) throw new NotFoundException(LAB_NOT_FOUND);
    }
  }
}
