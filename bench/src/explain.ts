import { Client } from 'pg';

export interface Statement {
  label: string;
  sql: string;
  params: unknown[];
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

export interface ExplainResult {
  // Sum over the statements of each one's median execution time, in ms.
  medianMs: number;
  statements: { label: string; medianMs: number; scans: string[] }[];
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
// times after one warm-up, median "Execution Time" (planning excluded, as the API's statements
// are planned too but that is the database's cost either way: reported apart would be noise).
// Writes run inside a transaction that is rolled back, so the data does not drift.
export async function explainMedian(client: Client, statements: Statement[], runs: number, write = false): Promise<ExplainResult> {
  const results: ExplainResult['statements'] = [];
  for (const statement of statements) {
    const times: number[] = [];
    let scans: string[] = [];
    let samples = runs;
    for (let i = 0; i <= samples; i++) {
      if (write) await client.query('BEGIN');
      try {
        const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, statement.params);
        const [plan] = rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[];
        if (i === 0) {
          scans = scansOf(plan.Plan);
          // A slow statement (a report over a big region) needs fewer samples to be stable.
          if (plan['Execution Time'] > 200) samples = Math.min(samples, 5);
        } else {
          times.push(plan['Execution Time']);
        }
      } finally {
        if (write) await client.query('ROLLBACK');
      }
    }
    results.push({ label: statement.label, medianMs: median(times), scans });
  }
  return { medianMs: results.reduce((n, s) => n + s.medianMs, 0), statements: results };
}
