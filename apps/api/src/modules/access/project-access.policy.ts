import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Stage, STAGE_LABELS_FR } from '@sillon/contracts';
import { ProblemException } from '../../common/problem-details.filter';
import { Principal } from './principal';

export const PROJECT_NOT_FOUND = "Ce projet n'existe pas ou n'est pas accessible.";
export const LAB_NOT_FOUND = "Ce lab n'existe pas ou n'est pas accessible.";
export const REGION_NOT_FOUND = "Cette région n'existe pas ou n'est pas accessible.";

const READ_ONLY_ROLES: Partial<Record<Principal['role'], string>> = {
  regional_director: 'La direction régionale consulte le portefeuille mais ne le modifie pas.',
  national: 'La direction nationale consulte le portefeuille mais ne le modifie pas.',
};

interface ProjectRef {
  labId: string;
  leadId: string | null;
}

// Every access decision of the portfolio (projects, pipeline, audit trail) in one place.
// A record outside the caller's reach is a 404; a forbidden action on a visible record is a 403.
@Injectable()
export class ProjectAccessPolicy {
  // Admins run the deployment but do not read the portfolio (personal data minimisation).
  assertPortfolioReader(principal: Principal | undefined): asserts principal is Principal {
    if (!principal) throw new UnauthorizedException('Authentification requise.');
    if (principal.role === 'admin') {
      throw new ForbiddenException("L'administration de la plateforme n'a pas accès au portefeuille des labs.");
    }
  }

  // SQL condition restricting `<alias>.lab_id` to the labs the caller may read; pushes its parameter.
  labScope(principal: Principal, column: string, params: unknown[]): string {
    if (principal.role === 'national') return 'true';
    if (principal.role === 'regional_director') {
      params.push(principal.regionId);
      return `${column} IN (SELECT id FROM lab WHERE region_id = $${params.length})`;
    }
    if ((principal.role === 'lab_manager' || principal.role === 'project_lead') && principal.labId) {
      params.push(principal.labId);
      return `${column} = $${params.length}`;
    }
    return 'false';
  }

  // The same restriction for personal data (contacts, the audit trail): a national account reads the
  // portfolio of every lab but no one's personal data.
  personalDataScope(principal: Principal, column: string, params: unknown[]): string {
    return this.readsPersonalData(principal) ? this.labScope(principal, column, params) : 'false';
  }

  readsPersonalData(principal: Principal): boolean {
    return principal.role !== 'national' && principal.role !== 'admin';
  }

  canReadLab(principal: Principal, lab: { id: string; regionId: string }): boolean {
    if (principal.role === 'national') return true;
    if (principal.role === 'regional_director') return lab.regionId === principal.regionId;
    if (principal.role === 'lab_manager' || principal.role === 'project_lead') return lab.id === principal.labId;
    return false;
  }

  isLabManagerOf(principal: Principal, labId: string): boolean {
    return principal.role === 'lab_manager' && principal.labId === labId;
  }

  // A region asked for by a filter (?region=), known to exist: a national account reads every region,
  // anyone else only their own (a lab role's region is its lab's).
  canReadRegion(principal: Principal, regionId: string): boolean {
    return principal.role === 'national' || principal.regionId === regionId;
  }

  canWrite(principal: Principal, project: ProjectRef): boolean {
    if (this.isLabManagerOf(principal, project.labId)) return true;
    return principal.role === 'project_lead' && principal.labId === project.labId && project.leadId === principal.userId;
  }

  // Project leads edit the projects they lead (and their milestones); lab managers everything of their lab.
  assertCanWrite(principal: Principal, project: ProjectRef): void {
    if (!this.canWrite(principal, project)) {
      throw new ForbiddenException(READ_ONLY_ROLES[principal.role] ?? "Seul·e le ou la cheffe de ce projet ou la ou le responsable du lab peut le modifier.");
    }
  }

  assertCanCreate(principal: Principal): asserts principal is Principal & { labId: string } {
    if ((principal.role !== 'lab_manager' && principal.role !== 'project_lead') || !principal.labId) {
      throw new ForbiddenException('Seules les personnes rattachées à un lab peuvent créer un projet.');
    }
  }

  // A new project starts in co_design: only a lab manager records one that is already further along
  // (a lead moves it on through transitions, which pass the stage gates).
  assertCanCreateInStage(principal: Principal, stage: Stage): void {
    if (stage === 'co_design' || principal.role === 'lab_manager') return;
    const label = STAGE_LABELS_FR.co_design;
    throw new ProblemException(
      403,
      `Un nouveau projet commence à l'étape ${label} : seul·e la ou le responsable du lab peut le créer à une autre étape (champ stage).`,
      { errors: [{ field: 'stage', message: `Seul·e la ou le responsable du lab peut créer un projet à une autre étape que ${label}.`, code: 'coDesignOnly' }] },
    );
  }

  assertLabManager(principal: Principal, labId: string, what: string): void {
    if (!this.isLabManagerOf(principal, labId)) {
      throw new ForbiddenException(`Seul·e la ou le responsable du lab peut ${what}.`);
    }
  }
}
