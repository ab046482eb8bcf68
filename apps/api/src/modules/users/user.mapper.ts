import type { User } from '@sillon/contracts';
import { ColumnsOf, RowOf, selectList } from '../../database/select-list';

// The contract's User as SQL: `u` is the user, `l` their lab, `r` their region. A lab role's region is
// its lab's; the password hash is never selected.
const USER_COLUMNS: ColumnsOf<User> = {
  id: 'u.id',
  email: 'u.email',
  displayName: 'u.display_name',
  role: 'u.role',
  labId: 'u.lab_id',
  labName: 'l.name',
  regionId: 'COALESCE(u.region_id, l.region_id)',
  regionName: 'r.name',
  active: 'u.active',
  createdAt: 'u.created_at',
  updatedAt: 'u.updated_at',
  version: 'u.version',
};

export type UserRow = RowOf<User>;

export const USER_SELECT = `SELECT ${selectList(USER_COLUMNS)}
  FROM app_user u
  LEFT JOIN lab l ON l.id = u.lab_id
  LEFT JOIN region r ON r.id = COALESCE(u.region_id, l.region_id)`;

export function toUser(row: UserRow): User {
  return {
    ...(row as User),
    createdAt: new Date(row.createdAt as Date).toISOString(),
    updatedAt: new Date(row.updatedAt as Date).toISOString(),
  };
}
