export type DatabaseMode = 'embedded' | 'postgres';

export interface HealthResponse {
  status: 'ok' | 'unavailable';
  database: DatabaseMode;
  version: string;
}
