import type { MatrixRole } from './authorization-matrix';

// Statuses of a matrix row in the order lead, manager, director, admin, anonymous, national. A national
// account reads what a regional director reads, in every region, and changes nothing: its status is
// the director's unless given (another region's records, contacts, the audit trail).
export const by = (lead: number, manager: number, director: number, admin: number, anonymous = 401, national = director): Record<MatrixRole, number> => ({
  project_lead: lead,
  lab_manager: manager,
  regional_director: director,
  admin,
  anonymous,
  national,
});
