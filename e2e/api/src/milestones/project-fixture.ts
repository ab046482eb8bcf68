import type { Stage } from '@sillon/contracts';
import type { SeededLab } from '../support/fixtures';
import type { TestApp } from '../support/test-app';

let counter = 0;

// A project inserted straight into the database, so that these tests do not depend on the projects API.
export async function insertProject(
  t: TestApp,
  lab: SeededLab,
  options: { leadId?: string | null; stage?: Stage; name?: string; archived?: boolean } = {},
): Promise<{ id: string; code: string; labId: string }> {
  counter += 1;
  const code = `${lab.code}-2026-${String(900 + counter).padStart(3, '0')}`;
  const [row] = await t.dataSource.query(
    `INSERT INTO project (lab_id, code, name, stage, lead_id, archived_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [lab.id, code, options.name ?? `Projet d'essai ${counter}`, options.stage ?? 'ideation', options.leadId ?? null, options.archived ? new Date() : null],
  );
  return { id: row.id, code, labId: lab.id };
}
