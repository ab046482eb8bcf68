import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { widenTransactionLabs } from '../../database/database-session';
import { AuditService } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import { DEMO_ACCOUNTS, DEMO_LABS, DEMO_OTHER_USERS, DEMO_PASSWORD, DEMO_REGIONS, DEMO_SEED_NAME } from './demo-catalogue';
import { ACTIVITY_ACTOR_TYPES } from '@sillon/contracts';
import { buildDemoActivities } from './demo-activities';
import { buildDemoCommons } from './demo-commons';
import { buildDemoPortfolio } from './demo-portfolio';

export interface DemoSeedResult {
  created: boolean;
  projects: number;
  milestones: number;
}

// Rows per INSERT: well under PostgreSQL's 65 535 parameters.
const BATCH = 400;

async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][], suffix = ''): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const params: unknown[] = [];
    const values = batch.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ${suffix}`, params);
  }
}

// Loads the demo portfolio once: a second load finds its marker and creates nothing.
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Démo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async isLoaded(): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM demo_seed WHERE name = $1`, [DEMO_SEED_NAME]);
    return rows.length > 0;
  }

  async seed(): Promise<DemoSeedResult> {
    // Hashed once for every account, outside the transaction (argon2id is slow by design).
    const hash = await this.passwords.hash(DEMO_PASSWORD);
    return this.dataSource.transaction(async (manager) => {
      // The marker row is taken first: a concurrent load waits on it, then finds it and stops.
      const claimed = await manager.query(`INSERT INTO demo_seed (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name`, [DEMO_SEED_NAME]);
      if (!claimed.length) return { created: false, projects: 0, milestones: 0 };

      // Regions, labs and people may exist already (found by name, code and e-mail).
      await insertRows(manager, 'region', ['name'], DEMO_REGIONS.map((name) => [name]), 'ON CONFLICT (name) DO NOTHING');
      const regionIds = new Map<string, string>(
        (await manager.query(`SELECT id, name FROM region WHERE name = ANY($1)`, [[...DEMO_REGIONS]])).map((r: { id: string; name: string }) => [r.name, r.id]),
      );
      await insertRows(
        manager, 'lab', ['name', 'code', 'region_id', 'departments'],
        DEMO_LABS.map((lab) => [lab.name, lab.code, regionIds.get(lab.region), lab.departments]),
        'ON CONFLICT (code) DO NOTHING',
      );
      const labIds = new Map<string, string>(
        (await manager.query(`SELECT id, code FROM lab WHERE code = ANY($1)`, [DEMO_LABS.map((l) => l.code)])).map((r: { id: string; code: string }) => [r.code, r.id]),
      );
      // Row-level security: the rest of the load writes these labs' projects, milestones and contacts.
      await widenTransactionLabs(manager, [...labIds.values()]);
      const users = [...DEMO_ACCOUNTS, ...DEMO_OTHER_USERS];
      await insertRows(
        manager, 'app_user', ['email', 'display_name', 'role', 'lab_id', 'region_id', 'password_hash'],
        users.map((u) => [u.email, u.displayName, u.role, u.lab ? labIds.get(u.lab) : null, u.region ? regionIds.get(u.region) : null, hash]),
        'ON CONFLICT ((lower(email))) DO NOTHING',
      );
      const userIds = new Map<string, string>(
        (await manager.query(`SELECT id, lower(email) AS email FROM app_user WHERE lower(email) = ANY($1)`, [users.map((u) => u.email.toLowerCase())])).map(
          (r: { id: string; email: string }) => [r.email, r.id],
        ),
      );
      const userId = (email: string) => userIds.get(email.toLowerCase()) as string;
      const leadsByLab = Object.fromEntries(DEMO_LABS.map((lab) => [lab.code, users.filter((u) => u.lab === lab.code && u.role === 'project_lead').map((u) => u.email)]));
      const managerByLab = Object.fromEntries(DEMO_LABS.map((lab) => [lab.code, users.find((u) => u.lab === lab.code && u.role === 'lab_manager')?.email ?? '']));
      const demo = buildDemoPortfolio(leadsByLab, managerByLab);
      const lab = (code: string) => labIds.get(code) as string;

      // A lab that already had its own checklist keeps it.
      const labsWithCriteria = new Set<string>((await manager.query(`SELECT DISTINCT lab_id FROM gate_criterion`)).map((r: { lab_id: string }) => r.lab_id));
      await insertRows(manager, 'gate_criterion', ['id', 'lab_id', 'stage', 'label', 'position'],
        demo.criteria.filter((c) => !labsWithCriteria.has(lab(c.lab))).map((c) => [c.id, lab(c.lab), c.stage, c.label, c.position]));
      const knownCriteria = new Set(demo.criteria.filter((c) => !labsWithCriteria.has(lab(c.lab))).map((c) => c.id));
      await insertRows(manager, 'organisation', ['id', 'lab_id', 'name', 'type', 'siret', 'department'],
        demo.organisations.map((o) => [o.id, lab(o.lab), o.name, o.type, o.siret, o.department]));
      await insertRows(manager, 'contact', ['id', 'lab_id', 'organisation_id', 'full_name', 'email', 'role_title'],
        demo.contacts.map((c) => [c.id, lab(c.lab), c.organisationId, c.fullName, c.email, c.roleTitle]));
      await insertRows(
        manager, 'project',
        ['id', 'lab_id', 'code', 'name', 'summary', 'themes', 'stage', 'status', 'status_reason', 'health', 'health_comment', 'lead_id',
          'departments', 'communes', 'start_date', 'is_public', 'stage_entered_at', 'created_at', 'updated_at'],
        demo.projects.map((p) => [p.id, lab(p.lab), p.code, p.name, p.summary, p.themes, p.stage, p.status, p.statusReason, p.health,
          p.healthComment, userId(p.lead), p.departments, p.communes, p.startDate, p.isPublic, p.stageEnteredAt, p.createdAt, p.updatedAt]),
      );
      // New projects of the API continue the numbering after the demo's.
      const lastCodes = new Map<string, { labId: string; year: number; last: number }>();
      for (const p of demo.projects) {
        const key = `${p.lab}-${p.year}`;
        const last = Number(p.code.slice(-3));
        if ((lastCodes.get(key)?.last ?? 0) < last) lastCodes.set(key, { labId: lab(p.lab), year: p.year, last });
      }
      await insertRows(manager, 'project_code_counter', ['lab_id', 'year', 'last_value'], [...lastCodes.values()].map((c) => [c.labId, c.year, c.last]),
        'ON CONFLICT (lab_id, year) DO UPDATE SET last_value = GREATEST(project_code_counter.last_value, EXCLUDED.last_value)');
      await insertRows(
        manager, 'stage_transition',
        ['id', 'project_id', 'from_stage', 'to_stage', 'from_status', 'to_status', 'rationale', 'criteria_met', 'criteria_unmet', 'unmet_reason', 'decided_by', 'decided_at'],
        demo.transitions.map((t) => [t.id, t.projectId, t.fromStage, t.toStage, t.fromStatus, t.toStatus, t.rationale,
          t.criteriaMet.filter((id) => knownCriteria.has(id)), JSON.stringify(t.criteriaUnmet.filter((c) => knownCriteria.has(c.id))),
          t.unmetReason, userId(t.decidedBy), t.decidedAt]),
      );
      await insertRows(
        manager, 'milestone',
        ['id', 'project_id', 'lab_id', 'title', 'kind', 'stage', 'due_on', 'completed_on', 'status', 'owner_id', 'participant_count', 'evidence_url', 'created_at', 'updated_at'],
        demo.milestones.map((m) => [m.id, m.projectId, lab(m.lab), m.title, m.kind, m.stage, m.dueOn, m.completedOn, m.status,
          m.owner ? userId(m.owner) : null, m.participantCount, m.evidenceUrl, m.createdAt, m.completedOn ? `${m.completedOn}T17:00:00Z` : m.createdAt]),
      );
      await insertRows(manager, 'project_partner', ['id', 'project_id', 'organisation_id', 'role', 'since', 'contact_id'],
        demo.partners.map((p) => [p.id, p.projectId, p.organisationId, p.role, p.since, p.contactId]));
      await insertRows(
        manager, 'funding_line',
        ['id', 'project_id', 'lab_id', 'funder_id', 'label', 'scheme', 'amount_cents', 'status', 'requested_on', 'decided_on', 'received_on'],
        demo.funding.map((f) => [f.id, f.projectId, lab(f.lab), f.funderId, f.label, f.scheme, f.amountCents, f.status, f.requestedOn, f.decidedOn, f.receivedOn]),
      );
      const activities = buildDemoActivities(demo);
      await insertRows(
        manager, 'lab_activity',
        ['id', 'lab_id', 'title', 'kind', 'starts_on', 'ends_on', 'place', 'description', 'created_by', ...ACTIVITY_ACTOR_TYPES.map((type) => `attendance_${type}`)],
        activities.map((a) => [a.id, lab(a.lab), a.title, a.kind, a.startsOn, a.endsOn, a.place, a.description, userId(managerByLab[a.lab]),
          ...ACTIVITY_ACTOR_TYPES.map((type) => a.attendance[type] ?? 0)]),
      );
      await insertRows(manager, 'lab_activity_project', ['activity_id', 'project_id'], activities.flatMap((a) => a.projectIds.map((id) => [a.id, id])));
      await insertRows(manager, 'lab_activity_facilitator', ['activity_id', 'organisation_id'], activities.flatMap((a) => a.facilitatorIds.map((id) => [a.id, id])));
      // What public projects publish as commons, and who reuses them (the open-data feed shows them).
      const commons = buildDemoCommons(demo.projects);
      await insertRows(manager, 'project_common', ['id', 'lab_id', 'project_id', 'title', 'kind', 'licence', 'url', 'published_on'],
        commons.map((c) => [c.id, lab(c.lab), c.projectId, c.title, c.kind, c.licence, c.url, c.publishedOn]));
      await insertRows(manager, 'common_reuse', ['lab_id', 'common_id', 'position', 'territory', 'department', 'since', 'note'],
        commons.flatMap((c) => c.reuses.map((r, n) => [lab(c.lab), c.id, n + 1, r.territory, r.department, r.since, r.note])));
      const result = { created: true, projects: demo.projects.length, milestones: demo.milestones.length };
      await this.audit.record(manager, { actorId: null, action: 'seed', entityType: 'demo', entityId: DEMO_SEED_NAME, after: result });
      this.logger.log(`Portefeuille de démonstration chargé : ${result.projects} projets, ${result.milestones} jalons.`);
      return result;
    });
  }
}
