import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Principal } from '../access/principal';
import { LAB_NOT_FOUND, ProjectAccessPolicy, REGION_NOT_FOUND } from '../access/project-access.policy';

const REPORTERS: readonly Principal['role'][] = ['lab_manager', 'regional_director', 'national'];

// Who may build and export the portfolio report, and over which labs.
@Injectable()
export class ReportAccessPolicy {
  constructor(private readonly projects: ProjectAccessPolicy) {}

  // Lab managers report on their lab, regional directors on their region, national accounts on every
  // region. Project leads read their lab's projects but do not export the portfolio; admins do not
  // read it at all.
  assertReporter(principal: Principal | undefined): asserts principal is Principal {
    this.projects.assertPortfolioReader(principal);
    if (!REPORTERS.includes(principal.role)) {
      throw new ForbiddenException('Les rapports de portefeuille sont réservés aux responsables de lab et aux directions régionale et nationale.');
    }
  }

  labScope(principal: Principal, column: string, params: unknown[]): string {
    return this.projects.labScope(principal, column, params);
  }

  // A region asked for (?region=) that does not exist or is outside the caller's reach, like a lab.
  assertRegionReadable(principal: Principal, regionId: string, exists: boolean): void {
    if (!exists || !this.projects.canReadRegion(principal, regionId)) throw new NotFoundException(REGION_NOT_FOUND);
  }

  // A lab asked for outside the caller's reach is answered like a lab that does not exist.
  assertLabsReadable(principal: Principal, asked: string[], readable: { id: string; regionId: string }[]): void {
    for (const id of asked) {
      const lab = readable.find((l) => l.id === id);
      if (!lab || !this.projects.canReadLab(principal, lab)) throw new NotFoundException(LAB_NOT_FOUND);
    }
  }
}
