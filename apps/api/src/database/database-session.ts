import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { abandonedQueryError, watchQueryTimeouts } from './abandoned-queries';

// The role the API's sessions run as (created by the migration DatabaseWall): it owns nothing,
// cannot TRUNCATE nor rewrite the audit trail, and row-level security applies to it.
export const API_ROLE = 'sillon_api';
// The login role itself: migrations, and the tests' direct access to their schema.
export const LOGIN_ROLE = 'none';

// The labs whose rows the current work may reach, as row-level security reads them (sillon.lab_ids),
// and those whose personal data it may read (sillon.personal_lab_ids: contacts, the audit trail).
interface LabScope {
  labIds: readonly string[];
  personalLabIds: readonly string[];
}

const scopes = new AsyncLocalStorage<LabScope>();

// Runs work, and every statement it sends, with these labs' rows in reach; outside of it (a request
// before its session is known, a public route, a job) no lab's rows are. The personal data of the
// same labs are in reach unless other labs (none, for a national account) are given.
export function runWithLabs<T>(labIds: readonly string[], work: () => T, personalLabIds: readonly string[] = labIds): T {
  return scopes.run({ labIds, personalLabIds }, work);
}

// Inside a transaction that has just created labs: its later statements reach their rows too.
export async function widenTransactionLabs(manager: EntityManager, labIds: readonly string[]): Promise<void> {
  const labs = labArray(labIds);
  await manager.query(`SELECT set_config('sillon.lab_ids', $1, true), set_config('sillon.personal_lab_ids', $1, true)`, [labs]);
}

const APPLIED = Symbol('sillon.session');

interface PgClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
  [APPLIED]?: string;
}

const labArray = (labIds: readonly string[]) => `{${labIds.join(',')}}`;

// Sets the role and the labs (and personal-data labs) of the current work on each connection taken from a pool, before its
// first statement (or its transaction's BEGIN). A session keeps them until the next checkout that
// needs others; a pooled connection remembers what it was given, so that the common case (the same
// role and labs as last time) costs nothing. The embedded server runs every connection in one
// PostgreSQL session, where another connection may have changed them: there they are set each time.
export class DatabaseSession {
  constructor(
    private role: string,
    private readonly sharedSession: boolean,
  ) {}

  // Migrations run as the login role; the API's work, from then on, as API_ROLE.
  runAs(role: string): void {
    this.role = role;
  }

  async apply(client: PgClient): Promise<void> {
    const scope = scopes.getStore();
    const labs = labArray(scope?.labIds ?? []);
    const personalLabs = labArray(scope?.personalLabIds ?? []);
    const wanted = `${this.role}|${labs}|${personalLabs}`;
    if (!this.sharedSession && client[APPLIED] === wanted) return;
    await client.query(
      `SELECT set_config('role', $1, false), set_config('sillon.lab_ids', $2, false), set_config('sillon.personal_lab_ids', $3, false)`,
      [this.role, labs, personalLabs],
    );
    client[APPLIED] = wanted;
  }

  // Every connection TypeORM takes for a query or a transaction goes through apply(); one that gave
  // up on a statement (query_timeout) leaves the pool when released.
  install(dataSource: DataSource): void {
    const driver = dataSource.driver as PostgresDriver;
    const obtain = driver.obtainMasterConnection.bind(driver);
    driver.obtainMasterConnection = async () => {
      const [client, release] = (await obtain()) as [PgClient, (error?: unknown) => void];
      watchQueryTimeouts(client);
      try {
        await this.apply(client);
      } catch (error) {
        release(error);
        throw error;
      }
      return [client, (error?: unknown) => release(error ?? abandonedQueryError(client))];
    };
  }
}
