import { Client } from 'pg';
import { Row, RowSink } from './synthetic-portfolio';

// One INSERT … SELECT FROM unnest($1::type[], …) per batch: a single statement with one array
// parameter per column, as fast as multi-row VALUES without the 65,535-parameter ceiling, and it
// runs on PostgreSQL and on the embedded PGlite alike (no COPY needed).
interface TableSpec {
  columns: { name: string; type: string; expression?: (ref: string) => string }[];
}

const csvArray = (ref: string) => `CASE WHEN ${ref} = '' THEN '{}'::varchar[] ELSE string_to_array(${ref}, ',')::varchar[] END`;

// Column order matches the rows of synthetic-portfolio.ts.
const TABLES: Record<string, TableSpec> = {
  region: { columns: [{ name: 'id', type: 'uuid' }, { name: 'name', type: 'text' }] },
  lab: {
    columns: [
      { name: 'id', type: 'uuid' }, { name: 'name', type: 'text' }, { name: 'code', type: 'text' }, { name: 'region_id', type: 'uuid' },
      { name: 'departments', type: 'text', expression: csvArray },
    ],
  },
  app_user: {
    columns: [
      { name: 'id', type: 'uuid' }, { name: 'email', type: 'text' }, { name: 'display_name', type: 'text' }, { name: 'role', type: 'text' },
      { name: 'lab_id', type: 'uuid' }, { name: 'region_id', type: 'uuid' }, { name: 'password_hash', type: 'text' },
    ],
  },
  gate_criterion: {
    columns: [{ name: 'id', type: 'uuid' }, { name: 'lab_id', type: 'uuid' }, { name: 'stage', type: 'text' }, { name: 'label', type: 'text' }, { name: 'position', type: 'int' }],
  },
  organisation: {
    columns: [{ name: 'id', type: 'uuid' }, { name: 'lab_id', type: 'uuid' }, { name: 'name', type: 'text' }, { name: 'type', type: 'text' }, { name: 'department', type: 'text' }],
  },
  project: {
    columns: [
      { name: 'id', type: 'uuid' }, { name: 'lab_id', type: 'uuid' }, { name: 'code', type: 'text' }, { name: 'name', type: 'text' },
      { name: 'summary', type: 'text' }, { name: 'themes', type: 'text', expression: csvArray }, { name: 'stage', type: 'text' },
      { name: 'status', type: 'text' }, { name: 'status_reason', type: 'text' }, { name: 'health', type: 'text' }, { name: 'lead_id', type: 'uuid' },
      { name: 'departments', type: 'text', expression: csvArray }, { name: 'start_date', type: 'date' }, { name: 'is_public', type: 'boolean' },
      { name: 'stage_entered_at', type: 'timestamptz' }, { name: 'created_at', type: 'timestamptz' }, { name: 'updated_at', type: 'timestamptz' },
      { name: 'archived_at', type: 'timestamptz' },
    ],
  },
  stage_transition: {
    columns: [
      { name: 'id', type: 'uuid' }, { name: 'project_id', type: 'uuid' }, { name: 'from_stage', type: 'text' }, { name: 'to_stage', type: 'text' },
      { name: 'from_status', type: 'text' }, { name: 'to_status', type: 'text' }, { name: 'rationale', type: 'text' }, { name: 'decided_by', type: 'uuid' },
      { name: 'decided_at', type: 'timestamptz' },
    ],
  },
  milestone: {
    columns: [
      { name: 'id', type: 'uuid' }, { name: 'project_id', type: 'uuid' }, { name: 'lab_id', type: 'uuid' }, { name: 'title', type: 'text' },
      { name: 'kind', type: 'text' }, { name: 'stage', type: 'text' }, { name: 'due_on', type: 'date' }, { name: 'completed_on', type: 'date' },
      { name: 'status', type: 'text' }, { name: 'owner_id', type: 'uuid' }, { name: 'participant_count', type: 'int' },
      { name: 'created_at', type: 'timestamptz' }, { name: 'updated_at', type: 'timestamptz' },
    ],
  },
  project_partner: {
    columns: [{ name: 'id', type: 'uuid' }, { name: 'project_id', type: 'uuid' }, { name: 'organisation_id', type: 'uuid' }, { name: 'role', type: 'text' }, { name: 'since', type: 'date' }],
  },
  funding_line: {
    columns: [
      { name: 'id', type: 'uuid' }, { name: 'project_id', type: 'uuid' }, { name: 'lab_id', type: 'uuid' }, { name: 'funder_id', type: 'uuid' },
      { name: 'label', type: 'text' }, { name: 'scheme', type: 'text' }, { name: 'amount_cents', type: 'bigint' }, { name: 'status', type: 'text' },
      { name: 'requested_on', type: 'date' }, { name: 'decided_on', type: 'date' }, { name: 'received_on', type: 'date' },
    ],
  },
  project_code_counter: { columns: [{ name: 'lab_id', type: 'uuid' }, { name: 'year', type: 'int' }, { name: 'last_value', type: 'int' }] },
};

// Parents before children: a batch of milestones never arrives before its projects.
const ORDER = ['region', 'lab', 'app_user', 'gate_criterion', 'organisation', 'project', 'stage_transition', 'milestone', 'project_partner', 'funding_line', 'project_code_counter'];

export class BulkLoader implements RowSink {
  private readonly buffers = new Map<string, Row[]>();
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly client: Client,
    private readonly batchSize = 10_000,
  ) {}

  async add(table: string, row: Row): Promise<void> {
    if (!TABLES[table]) throw new Error(`unknown table ${table}`);
    let buffer = this.buffers.get(table);
    if (!buffer) this.buffers.set(table, (buffer = []));
    buffer.push(row);
    this.counts[table] = (this.counts[table] ?? 0) + 1;
    if (buffer.length >= this.batchSize) await this.flushUpTo(table);
  }

  // Flushes `table` and every table it may reference, in dependency order.
  private async flushUpTo(table: string): Promise<void> {
    for (const name of ORDER.slice(0, ORDER.indexOf(table) + 1)) await this.flush(name);
  }

  async finish(): Promise<void> {
    for (const name of ORDER) await this.flush(name);
  }

  private async flush(table: string): Promise<void> {
    const rows = this.buffers.get(table);
    if (!rows?.length) return;
    this.buffers.set(table, []);
    const { columns } = TABLES[table];
    const arrays = columns.map((_, c) => rows.map((row) => row[c] ?? null));
    const unnest = columns.map((col, c) => `$${c + 1}::${col.type === 'timestamptz' || col.type === 'date' ? 'text' : col.type}[]`).join(', ');
    const aliases = columns.map((_, c) => `c${c}`);
    const select = columns.map((col, c) => (col.expression ? col.expression(`c${c}`) : col.type === 'timestamptz' || col.type === 'date' ? `c${c}::${col.type}` : `c${c}`));
    await this.client.query(
      `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT ${select.join(', ')} FROM unnest(${unnest}) AS t(${aliases.join(', ')})`,
      arrays,
    );
  }
}
