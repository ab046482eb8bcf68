import { Role } from './role';

export interface LoginRequest {
  email: string;
  password: string;
}

// The signed-in person, as GET /api/v1/auth/me and POST /api/v1/auth/login answer.
export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  labId: string | null;
  labName: string | null;
  regionId: string | null;
  regionName: string | null;
}
