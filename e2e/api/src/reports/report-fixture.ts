import type { Response } from 'superagent';
import type { SeededLab, SeededTenants } from '../support/fixtures';
import type { TestApp } from '../support/test-app';

// A small portfolio with a dated history, inserted in SQL (the API stamps decisions with now()).
// Every instant is 10:00 UTC, so that each lands on the same date in Paris. The expected figures of
// reports-figures.spec.ts are computed by hand from this history (see the comments there).

const at = (date: string) => `${date}T10:00:00Z`;

interface Step {
  on: string;
  from: string | null;
  to: string;
  fromStatus?: string | null;
  toStatus?: string;
}

export interface FixtureProject {
  id: string;
  code: string;
  labId: string;
}

export async function insertProjectWithHistory(
  t: TestApp,
  lab: SeededLab,
  p: { code: string; name: string; leadId?: string | null; themes?: string[]; departments?: string[]; health?: string; startDate?: string | null },
  steps: Step[],
): Promise<FixtureProject> {
  const last = steps[steps.length - 1];
  const status = [...steps].reverse().find((s) => s.toStatus)?.toStatus ?? 'active';
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO project (lab_id, code, name, themes, departments, stage, status, health, lead_id, start_date, created_at, updated_at, stage_entered_at)
     VALUES ($1, $2, $3, $4::varchar[], $5::varchar[], $6, $7, $8, $9, $10::date, $11, $11, $11) RETURNING id`,
    [lab.id, p.code, p.name, p.themes ?? [], p.departments ?? [], last.to, status, p.health ?? 'green', p.leadId ?? null, p.startDate ?? null, at(steps[0].on)],
  );
  let currentStatus: string | null = null;
  for (const step of steps) {
    const toStatus: string = step.toStatus ?? currentStatus ?? 'active';
    await t.dataSource.query(
      `INSERT INTO stage_transition (project_id, from_stage, to_stage, from_status, to_status, rationale, decided_at)
       VALUES ($1, $2, $3, $4, $5, 'Décision du jeu d''essai', $6)`,
      [id, step.from, step.to, step.from === null ? null : currentStatus, toStatus, at(step.on)],
    );
    currentStatus = toStatus;
  }
  return { id, code: p.code, labId: lab.id };
}

export async function insertMilestone(
  t: TestApp,
  project: FixtureProject,
  m: { title: string; kind: string; dueOn: string; completedOn?: string; status?: string; participants?: number },
): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO milestone (project_id, lab_id, title, kind, stage, due_on, completed_on, status, participant_count)
     VALUES ($1, $2, $3, $4, 'ideation', $5::date, $6::date, $7, $8)`,
    [project.id, project.labId, m.title, m.kind, m.dueOn, m.completedOn ?? null, m.status ?? (m.completedOn ? 'done' : 'planned'), m.participants ?? null],
  );
}

export async function insertOrganisation(t: TestApp, lab: SeededLab, name: string, type: string): Promise<string> {
  const [{ id }] = await t.dataSource.query(`INSERT INTO organisation (lab_id, name, type) VALUES ($1, $2, $3) RETURNING id`, [lab.id, name, type]);
  return id;
}

export async function insertFunding(t: TestApp, project: FixtureProject, funderId: string | null, amountCents: number, status: string): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO funding_line (project_id, lab_id, funder_id, scheme, amount_cents, status) VALUES ($1, $2, $3, 'subvention', $4, $5)`,
    [project.id, project.labId, funderId, amountCents, status],
  );
}

// A lab activity beyond projects, with its attendance per actor type (the total is the database's).
export async function insertActivity(
  t: TestApp,
  lab: SeededLab,
  a: { title: string; kind: string; startsOn: string; attendance: Partial<Record<'state' | 'local_authority' | 'association' | 'company' | 'citizen' | 'other', number>> },
): Promise<void> {
  const n = (type: keyof typeof a.attendance) => a.attendance[type] ?? 0;
  await t.dataSource.query(
    `INSERT INTO lab_activity (lab_id, title, kind, starts_on, attendance_state, attendance_local_authority, attendance_association, attendance_company, attendance_citizen, attendance_other)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10)`,
    [lab.id, a.title, a.kind, a.startsOn, n('state'), n('local_authority'), n('association'), n('company'), n('citizen'), n('other')],
  );
}

export interface Portfolio {
  p1: FixtureProject;
  p2: FixtureProject;
  p3: FixtureProject;
  p4: FixtureProject;
  p5: FixtureProject;
  p6: FixtureProject;
}

// Lille: P1 (went back from prototyping to ideation), P2 (created in 2026), P3 (stopped in May 2026),
// P6 (created after the "as of" date). Amiens: P4. Nancy (another region): P5.
export async function seedPortfolio(t: TestApp, tenants: SeededTenants): Promise<Portfolio> {
  const { lille, amiens, nancy } = tenants.labs;
  const p1 = await insertProjectWithHistory(
    t,
    lille,
    {
      code: 'LIL-2025-001',
      name: 'Épicerie solidaire',
      leadId: tenants.leadLille.id,
      themes: ['alimentation_durable', 'inclusion_numerique'],
      departments: ['59'],
      startDate: '2025-03-01',
    },
    [
      { on: '2025-03-01', from: null, to: 'co_design' },
      { on: '2025-06-01', from: 'co_design', to: 'ideation' },
      { on: '2026-02-01', from: 'ideation', to: 'prototyping' },
      { on: '2026-04-01', from: 'prototyping', to: 'ideation' },
    ],
  );
  const p2 = await insertProjectWithHistory(
    t,
    lille,
    { code: 'LIL-2026-001', name: 'Tiers-lieu numérique', leadId: tenants.lead2Lille.id, themes: ['emploi'], departments: ['62'], health: 'amber', startDate: '2026-01-15' },
    [
      { on: '2026-01-15', from: null, to: 'co_design' },
      { on: '2026-03-15', from: 'co_design', to: 'ideation' },
    ],
  );
  const p3 = await insertProjectWithHistory(
    t,
    lille,
    { code: 'LIL-2025-002', name: 'Mobilité rurale', themes: ['mobilite'], departments: ['59', '62'], health: 'red' },
    [
      { on: '2025-01-10', from: null, to: 'ideation' },
      { on: '2025-09-01', from: 'ideation', to: 'prototyping' },
      { on: '2026-05-01', from: 'prototyping', to: 'prototyping', toStatus: 'stopped' },
    ],
  );
  const p6 = await insertProjectWithHistory(t, lille, { code: 'LIL-2026-002', name: "Projet d'été" }, [{ on: '2026-07-15', from: null, to: 'co_design' }]);
  const p4 = await insertProjectWithHistory(
    t,
    amiens,
    { code: 'AMI-2025-001', name: 'Jardins partagés', themes: ['emploi', 'alimentation_durable'], departments: ['80'] },
    [
      { on: '2025-05-01', from: null, to: 'co_design' },
      { on: '2026-01-10', from: 'co_design', to: 'ideation' },
    ],
  );
  const p5 = await insertProjectWithHistory(t, nancy, { code: 'NAN-2026-001', name: 'Fablab lorrain', themes: ['emploi'], departments: ['54'] }, [
    { on: '2026-02-01', from: null, to: 'co_design' },
  ]);

  await insertMilestone(t, p1, { title: 'Atelier de lancement', kind: 'workshop', dueOn: '2026-02-10', completedOn: '2026-02-10', participants: 12 });
  await insertMilestone(t, p1, { title: 'Cahier des charges', kind: 'deliverable', dueOn: '2026-03-01', completedOn: '2026-03-20' });
  await insertMilestone(t, p1, { title: 'Diagnostic partagé', kind: 'deliverable', dueOn: '2025-11-15', completedOn: '2026-01-20' });
  await insertMilestone(t, p1, { title: 'Test avec 5 usagers', kind: 'user_test', dueOn: '2026-05-01' });
  await insertMilestone(t, p1, { title: 'Forum de quartier', kind: 'event', dueOn: '2026-06-15', completedOn: '2026-07-10', participants: 40 });
  await insertMilestone(t, p2, { title: 'Formation des médiateurs', kind: 'training', dueOn: '2026-04-01', completedOn: '2026-03-30', participants: 8 });
  await insertMilestone(t, p2, { title: 'Comité de décision', kind: 'decision', dueOn: '2026-08-01' });
  await insertMilestone(t, p2, { title: 'Atelier de préfiguration', kind: 'workshop', dueOn: '2025-12-01', completedOn: '2026-01-05', participants: 5 });
  await insertMilestone(t, p3, { title: 'Salon des mobilités', kind: 'event', dueOn: '2026-01-20', status: 'cancelled' });
  await insertMilestone(t, p4, { title: 'Atelier jardiniers', kind: 'workshop', dueOn: '2026-02-01', completedOn: '2026-02-01', participants: 20 });
  await insertMilestone(t, p5, { title: 'Atelier Nancy', kind: 'workshop', dueOn: '2026-03-01', completedOn: '2026-03-01', participants: 100 });

  const state = await insertOrganisation(t, lille, 'Préfecture du Nord', 'state');
  const region = await insertOrganisation(t, lille, 'Région Hauts-de-France', 'local_authority');
  const company = await insertOrganisation(t, lille, 'Fondation Entreprise', 'company');
  const somme = await insertOrganisation(t, amiens, 'Département de la Somme', 'local_authority');
  const stateNancy = await insertOrganisation(t, nancy, 'Préfecture de Meurthe-et-Moselle', 'state');
  await insertFunding(t, p1, state, 1_000_000, 'granted');
  await insertFunding(t, p1, region, 500_000, 'received');
  await insertFunding(t, p1, company, 250_050, 'refused');
  await insertFunding(t, p2, state, 300_000, 'requested');
  await insertFunding(t, p3, null, 120_000, 'received');
  await insertFunding(t, p4, somme, 200_000, 'granted');
  await insertFunding(t, p5, stateNancy, 999_900, 'granted');

  // Lab activities: in the first half of 2026, Lille's workshop and Amiens' forum; outside it, a
  // summer visit and one in 2025; Nancy's training is another region's.
  await insertActivity(t, lille, { title: 'Atelier créatif', kind: 'workshop', startsOn: '2026-03-10', attendance: { citizen: 30, association: 5 } });
  await insertActivity(t, amiens, { title: 'Forum des acteurs', kind: 'event', startsOn: '2026-02-15', attendance: { state: 3, company: 7 } });
  await insertActivity(t, lille, { title: "Visite d'été", kind: 'visit', startsOn: '2026-07-05', attendance: { citizen: 100 } });
  await insertActivity(t, lille, { title: 'Visite 2025', kind: 'visit', startsOn: '2025-10-01', attendance: { citizen: 50 } });
  await insertActivity(t, nancy, { title: 'Formation Nancy', kind: 'training', startsOn: '2026-04-01', attendance: { local_authority: 9 } });
  return { p1, p2, p3, p4, p5, p6 };
}

// Collects a binary body (xlsx, pdf, zip) as a Buffer.
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  // Superagent hands the parser the raw Node response stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
