import { Role } from './role';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface Region {
  id: string;
  name: string;
}

export interface CreateRegionRequest {
  name: string;
}

export type UpdateRegionRequest = CreateRegionRequest;

export interface Lab {
  id: string;
  name: string;
  // Three capital letters, prefix of the lab's project codes (LIL → LIL-2026-014).
  code: string;
  regionId: string;
  regionName: string;
  // INSEE département codes covered by the lab.
  departments: string[];
  version: number;
}

export interface CreateLabRequest {
  name: string;
  code: string;
  regionId: string;
  departments?: string[];
}

export interface UpdateLabRequest {
  // The version the edit was based on; a stale one is answered 409 with the current lab.
  version: number;
  name?: string;
  code?: string;
  regionId?: string;
  departments?: string[];
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  // Set for project_lead and lab_manager.
  labId: string | null;
  labName: string | null;
  // The director's region, or the lab's region for a lab role; null for an admin.
  regionId: string | null;
  regionName: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  role: Role;
  // Required for project_lead and lab_manager, refused otherwise.
  labId?: string | null;
  // Required for regional_director, refused otherwise.
  regionId?: string | null;
  // Initial password, 8 to 128 characters of any kind.
  password: string;
}

export interface UpdateUserRequest {
  version: number;
  displayName?: string;
  role?: Role;
  labId?: string | null;
  regionId?: string | null;
  active?: boolean;
  // A new password; every session of the user ends.
  password?: string;
}

export const USER_SORTS = ['displayName', '-displayName', 'email', '-email', 'createdAt', '-createdAt'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export interface UserListQuery {
  role?: Role;
  labId?: string;
  regionId?: string;
  active?: boolean;
  // Searched in the name and e-mail, without accents or case.
  q?: string;
  sort?: UserSort;
  page?: number;
  pageSize?: number;
}
