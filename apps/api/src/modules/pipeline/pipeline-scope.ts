import { Injectable, NotFoundException } from '@nestjs/common';
import { PreparedStatements } from '../../database/prepared-statements';
import { Principal } from '../access/principal';
import { LAB_NOT_FOUND, ProjectAccessPolicy } from '../access/project-access.policy';

export const REGION_NOT_FOUND = "Cette région n'existe pas ou n'est pas accessible.";

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
      if (query.region !== principal.regionId) throw new NotFoundException(REGION_NOT_FOUND);
      params.push(query.region);
      where.push(`${labColumn} IN (SELECT id FROM lab WHERE region_id = $${params.length})`);
    }
    return {
      where,
      labId: query.lab ?? (principal.role === 'regional_director' ? null : principal.labId),
      regionId: query.region ?? (query.lab ? null : principal.role === 'regional_director' ? principal.regionId : null),
    };
  }
}
