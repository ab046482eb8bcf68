import type { Role, User } from '@sillon/contracts';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  lab_id: string | null;
  lab_name: string | null;
  region_id: string | null;
  region_name: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

// A lab role's region is its lab's; the password hash is never selected.
export const USER_SELECT = `SELECT u.id, u.email, u.display_name, u.role, u.lab_id, l.name AS lab_name,
    COALESCE(u.region_id, l.region_id) AS region_id, r.name AS region_name, u.active, u.created_at, u.updated_at, u.version
  FROM app_user u
  LEFT JOIN lab l ON l.id = u.lab_id
  LEFT JOIN region r ON r.id = COALESCE(u.region_id, l.region_id)`;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    labId: row.lab_id,
    labName: row.lab_name,
    regionId: row.region_id,
    regionName: row.region_name,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
