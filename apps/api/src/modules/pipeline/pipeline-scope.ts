import { Injectable, NotFoundException } from '@nestjs/common';
import { PreparedStatements } from '../../database/prepared-statements';
import { Principal } from '../access/principal';
import { LAB_NOT_FOUND, ProjectAccessPolicy, REGION_NOT_FOUND } from '../access/project-access.policy';

export interface PortfolioScope {
  // SQL conditions on the lab column given, joined by AND by the caller (who adds its own, such as
  // leaving archived projects out).
  where: string[];
  labId: string | null;
  regionId: string | null;
}

// The labs one figure of the pipeline covers: the caller's reach, narrowed to ?lab or ?region.
@Injectable()
export class PipelineScope {
  constructor(
    private readonly statements: PreparedStatements,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  async resolve(principal: Principal, query: { lab?: string; region?: string }, labColumn: string, params: unknown[]): Promise<PortfolioScope> {
    const where = [this.policy.labScope(principal, labColumn, params)];
    // A lab manager's or lead's own lab needs no lookup: the session already says it is theirs.
    if (query.lab && query.lab !== principal.labId) {
      const [lab] = await this.statements.query<{ id: string; region_id: string }>(`SELECT id, region_id FROM lab WHERE id = $1`, [query.lab]);
      if (!lab || !this.policy.canReadLab(principal, { id: lab.id, regionId: lab.region_id })) throw new NotFoundException(LAB_NOT_FOUND);
    }
    if (query.lab) {
      params.push(query.lab);
      where.push(`${labColumn} = $${params.length}`);
    }
    if (query.region) {
      // A national account reads every region: the one asked for must exist.
      const known =
        query.region === principal.regionId ||
        (principal.role === 'national' && (await this.statements.query(`SELECT id FROM region WHERE id = $1`, [query.region])).length > 0);
      if (!known || !this.policy.canReadRegion(principal, query.region)) throw new NotFoundException(REGION_NOT_FOUND);
      params.push(query.region);
      where.push(`${labColumn} IN (SELECT id FROM lab WHERE region_id = $${params.length})`);
    }
    return {
      where,
      labId: query.lab ?? (principal.role === 'regional_director' || principal.role === 'national' ? null : principal.labId),
      // A national account's whole reach is every region: no one region to name.
      regionId: query.region ?? (query.lab ? null : principal.role === 'regional_director' ? principal.regionId : null),
    };
  }
}
