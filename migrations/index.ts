import { Platform1764201600000 } from './1764201600000-Platform';

// Every migration, in order. A new migration is appended here (the API bundles them).
export const MIGRATIONS = [Platform1764201600000];
