import { Client } from 'pg';
import { prepareValue } from 'pg/lib/utils';
import { PREPARED_PLAN_SETTINGS } from '../../apps/api/src/database/prepared-statements';

export interface Statement {
  label: string;
  sql: string;
  params: unknown[];
  // Sent by the API through PreparedStatements (a named statement on a real server).
  prepared: boolean;
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

export interface ExplainResult {
  // Sum over the statements of each one's median time (planning and execution), in ms.
  medianMs: number;
  statements: { label: string; medianMs: number; planningMs: number; prepared: boolean; scans: string[] }[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// "Seq Scan on milestone", "Index Only Scan using project_pkey on project"…
export function scansOf(node: PlanNode, out: string[] = []): string[] {
  if (node['Relation Name'] || node['Index Name']) {
    out.push(`${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`);
  }
  for (const child of node.Plans ?? []) scansOf(child, out);
  return out;
}

// PostgreSQL's own time for what an endpoint runs: EXPLAIN (ANALYZE) of each statement `runs`
// times after one warm-up, median of planning and execution time together, as the API pays them.
// A statement the API sends prepared (on a real server) is prepared here in a session with the
// same settings as the API's, and timed as EXPLAIN EXECUTE: its planning is what that costs on each
// request (nothing once the plan is kept). Until this counted the planning, the bench showed the
// page of overdue milestones at 1.35 ms when PostgreSQL planned it again on every request.
// Writes run inside a transaction that is rolled back, so the data does not drift.
export async function explainMedian(client: Client, statements: Statement[], runs: number, write: boolean, preparedOnServer: boolean): Promise<ExplainResult> {
  const results: ExplainResult['statements'] = [];
  for (const statement of statements) {
    const prepared = preparedOnServer && statement.prepared;
    const times: number[] = [];
    const planning: number[] = [];
    let scans: string[] = [];
    let samples = runs;
    if (prepared) {
      for (const [name, value] of Object.entries(PREPARED_PLAN_SETTINGS)) await client.query(`SET ${name} = ${value}`);
      await client.query(`PREPARE bench_statement AS ${statement.sql}`);
    }
    const explained = prepared ? `EXECUTE bench_statement(${statement.params.map((value) => literal(client, value)).join(', ')})` : statement.sql;
    try {
      for (let i = 0; i <= samples; i++) {
        if (write) await client.query('BEGIN');
        try {
          const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${explained}`, prepared ? [] : statement.params);
          const [plan] = rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }[];
          if (i === 0) {
            scans = scansOf(plan.Plan);
            // A slow statement (a report over a big region) needs fewer samples to be stable.
            if (plan['Execution Time'] > 200) samples = Math.min(samples, 5);
          } else {
            times.push(plan['Planning Time'] + plan['Execution Time']);
            planning.push(plan['Planning Time']);
          }
        } finally {
          if (write) await client.query('ROLLBACK');
        }
      }
    } finally {
      if (prepared) {
        await client.query('DEALLOCATE bench_statement');
        for (const name of Object.keys(PREPARED_PLAN_SETTINGS)) await client.query(`RESET ${name}`);
      }
    }
    results.push({ label: statement.label, medianMs: median(times), planningMs: median(planning), prepared, scans });
  }
  return { medianMs: results.reduce((n, s) => n + s.medianMs, 0), statements: results };
}

// A parameter as an SQL literal of unknown type, which EXECUTE casts to the parameter's type as
// the server does with the driver's text.
function literal(client: Client, value: unknown): string {
  const text = prepareValue(value);
  return text === null ? 'NULL' : client.escapeLiteral(text);
}
