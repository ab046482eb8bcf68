import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FieldError,
  IMPORT_MAX_ROWS,
  ImportAnalysis,
  ImportKind,
  ImportMapping,
  ImportReport,
  ImportRowReport,
} from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { parisToday } from '../../common/paris-today';
import { ProblemException } from '../../common/problem-details.filter';
import { RequestValidationException } from '../../common/validation-errors';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { formatProjectCode, parisYear } from '../projects/project-code';
import { cellText, normaliseText } from './import-values';
import { mappingErrors, suggestMapping } from './import-mapping';
import { MilestoneDraft, OrganisationDraft, ProjectDraft, readMilestoneRow, readOrganisationRow, readProjectRow, ReadRow } from './import-rows';
import { readSpreadsheet, Spreadsheet, UnreadableFileError } from './spreadsheet-reader';

export interface ImportFile {
  buffer: Buffer;
  originalname: string;
}

const SAMPLE_ROWS = 5;
// A refused import names this many rows in errors[]; the dry run shows them all.
const MAX_PROBLEM_ERRORS = 500;
export const IMPORT_MANAGERS_ONLY = "Seul·e la ou le responsable d'un lab peut importer un tableur dans son lab.";

// A row once compared with what the lab holds: create it, leave it (already there), or an error.
interface Decided<T> {
  line: number;
  label: string;
  messages: string[];
  create: T | null;
}

interface ProjectRow extends ProjectDraft {
  line: number;
}

interface MilestoneRow extends MilestoneDraft {
  line: number;
  key: string;
  projectId: string;
  stage: MilestoneDraft['stage'];
}

interface OrganisationRow extends OrganisationDraft {
  line: number;
}

type Plan =
  | { kind: 'projects'; rows: Decided<ProjectRow>[] }
  | { kind: 'milestones'; rows: Decided<MilestoneRow>[] }
  | { kind: 'organisations'; rows: Decided<OrganisationRow>[] };

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // Lab managers import into their own lab; the guard refuses the others before the file is read.
  assertImporter(principal: Principal | undefined): asserts principal is Principal & { labId: string } {
    if (!principal) throw new UnauthorizedException('Authentification requise.');
    if (principal.role !== 'lab_manager' || !principal.labId) throw new ForbiddenException(IMPORT_MANAGERS_ONLY);
  }

  async analyse(principal: Principal | undefined, kind: ImportKind, file: ImportFile | undefined): Promise<ImportAnalysis> {
    this.assertImporter(principal);
    const sheet = await this.read(file);
    return {
      kind,
      fileName: (file as ImportFile).originalname,
      columns: sheet.columns,
      sample: sheet.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells.map(cellText)),
      rowCount: sheet.rows.length,
      suggestedMapping: suggestMapping(kind, sheet.columns),
    };
  }

  // The dry run: the same reading and comparison as the import, in a transaction that writes nothing.
  async dryRun(principal: Principal | undefined, kind: ImportKind, mappingJson: string | undefined, file: ImportFile | undefined): Promise<ImportReport> {
    this.assertImporter(principal);
    const { sheet, mapping } = await this.prepare(kind, mappingJson, file);
    const labId = principal.labId;
    const plan = await this.dataSource.transaction((manager) => this.plan(manager, labId, kind, sheet, mapping));
    return this.report(plan, true);
  }

  // All or nothing, in one transaction: any row in error → 400 with every row's message, nothing written.
  async import(
    principal: Principal | undefined,
    kind: ImportKind,
    mappingJson: string | undefined,
    file: ImportFile | undefined,
    ip?: string,
  ): Promise<ImportReport> {
    this.assertImporter(principal);
    const { sheet, mapping } = await this.prepare(kind, mappingJson, file);
    const labId = principal.labId;
    return this.dataSource.transaction(async (manager) => {
      // One import at a time per lab: two imports of the same file cannot both create its rows.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sillon.import'), hashtext($1))`, [labId]);
      const plan = await this.plan(manager, labId, kind, sheet, mapping);
      const report = this.report(plan, false);
      if (report.errors) {
        const errors: FieldError[] = report.rows
          .filter((row) => row.status === 'error')
          .flatMap((row) => row.messages.map((message) => ({ field: `rows.${row.line}`, code: 'importRow' as const, message })))
          .slice(0, MAX_PROBLEM_ERRORS);
        throw new ProblemException(400, `${report.errors} ligne${report.errors > 1 ? 's' : ''} du fichier ne peu${report.errors > 1 ? 'vent' : 't'} pas être importée${report.errors > 1 ? 's' : ''} : rien n'a été importé.`, {
          code: 'import-rows-invalid',
          errors,
        });
      }
      const actor = { actorId: principal.userId, actorEmail: principal.email, ip: ip ?? null };
      if (plan.kind === 'projects') await this.insertProjects(manager, labId, actor, plan.rows);
      else if (plan.kind === 'milestones') await this.insertMilestones(manager, labId, actor, plan.rows);
      else await this.insertOrganisations(manager, labId, actor, plan.rows);
      await this.audit.record(manager, {
        ...actor,
        action: 'import',
        entityType: 'import',
        labId,
        after: { kind, fileName: (file as ImportFile).originalname, total: report.total, created: report.created, unchanged: report.unchanged },
      });
      return report;
    });
  }

  private async read(file: ImportFile | undefined): Promise<Spreadsheet> {
    if (!file?.buffer?.length) {
      throw new RequestValidationException([{ field: 'file', code: 'isNotEmpty', message: 'Joignez le fichier à importer (CSV ou Excel .xlsx).' }]);
    }
    let sheet: Spreadsheet;
    try {
      sheet = await readSpreadsheet(file.buffer, file.originalname ?? '');
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new RequestValidationException([{ field: 'file', code: 'unreadableFile', message: error.message }]);
      throw error;
    }
    if (sheet.rows.length > IMPORT_MAX_ROWS) {
      throw new RequestValidationException([
        {
          field: 'file',
          code: 'tooManyRows',
          message: `Le fichier compte ${sheet.rows.length.toLocaleString('fr-FR')} lignes : ${IMPORT_MAX_ROWS.toLocaleString('fr-FR')} au plus par import. Découpez-le en plusieurs fichiers.`,
        },
      ]);
    }
    return sheet;
  }

  private async prepare(kind: ImportKind, mappingJson: string | undefined, file: ImportFile | undefined): Promise<{ sheet: Spreadsheet; mapping: ImportMapping }> {
    let mapping: unknown;
    try {
      mapping = JSON.parse(mappingJson ?? '');
    } catch {
      mapping = undefined;
    }
    if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) {
      throw new RequestValidationException([
        { field: 'mapping', code: 'isNotEmpty', message: 'La correspondance des colonnes est attendue (un objet JSON : champ → colonne).' },
      ]);
    }
    const sheet = await this.read(file);
    const errors = mappingErrors(kind, mapping as ImportMapping, sheet.columns);
    if (errors.length) throw new RequestValidationException(errors);
    const cleaned = Object.fromEntries(Object.entries(mapping as ImportMapping).filter(([, column]) => column !== ''));
    return { sheet, mapping: cleaned };
  }

  private async plan(manager: EntityManager, labId: string, kind: ImportKind, sheet: Spreadsheet, mapping: ImportMapping): Promise<Plan> {
    if (kind === 'projects') return { kind, rows: await this.planProjects(manager, labId, sheet, mapping) };
    if (kind === 'milestones') return { kind, rows: await this.planMilestones(manager, labId, sheet, mapping) };
    return { kind, rows: await this.planOrganisations(manager, labId, sheet, mapping) };
  }

  // A key seen twice in the file is an error on the second row; a key the lab holds is left as it is.
  private decide<D extends { key: string }, R>(read: ReadRow<D>, known: Set<string>, seen: Map<string, number>, row: (draft: D) => R, what: string): Decided<R> {
    const { line, label, messages, draft } = read;
    if (!draft) return { line, label, messages, create: null };
    const first = seen.get(draft.key);
    if (first !== undefined) {
      return { line, label, messages: [`Ligne ${line} : ${what} figure déjà à la ligne ${first} du fichier.`], create: null };
    }
    seen.set(draft.key, line);
    return { line, label, messages: [], create: known.has(draft.key) ? null : row(draft) };
  }

  private async planProjects(manager: EntityManager, labId: string, sheet: Spreadsheet, mapping: ImportMapping): Promise<Decided<ProjectRow>[]> {
    const existing: { code: string; import_key: string | null; name: string }[] = await manager.query(
      `SELECT code, import_key, name FROM project WHERE lab_id = $1`,
      [labId],
    );
    const known = new Set<string>();
    for (const p of existing) {
      known.add(`code:${p.code.toUpperCase()}`);
      known.add(`name:${normaliseText(p.name)}`);
      if (p.import_key) known.add(p.import_key);
    }
    const seen = new Map<string, number>();
    return sheet.rows.map((row) => this.decide(readProjectRow(sheet.columns, mapping, row), known, seen, (d) => ({ ...d, line: row.line }), 'ce projet'));
  }

  private async planOrganisations(manager: EntityManager, labId: string, sheet: Spreadsheet, mapping: ImportMapping): Promise<Decided<OrganisationRow>[]> {
    const existing: { siret: string | null; import_key: string | null; name: string }[] = await manager.query(
      `SELECT siret, import_key, name FROM organisation WHERE lab_id = $1`,
      [labId],
    );
    const known = new Set<string>();
    for (const o of existing) {
      if (o.siret) known.add(`siret:${o.siret}`);
      else known.add(`name:${normaliseText(o.name)}`);
      if (o.import_key) known.add(o.import_key);
    }
    const seen = new Map<string, number>();
    return sheet.rows.map((row) => this.decide(readOrganisationRow(sheet.columns, mapping, row), known, seen, (d) => ({ ...d, line: row.line }), 'cette organisation'));
  }

  private async planMilestones(manager: EntityManager, labId: string, sheet: Spreadsheet, mapping: ImportMapping): Promise<Decided<MilestoneRow>[]> {
    const projects: { id: string; code: string; import_key: string | null; name: string; stage: MilestoneRow['stage']; archived: boolean }[] = await manager.query(
      `SELECT id, code, import_key, name, stage, archived_at IS NOT NULL AS archived FROM project WHERE lab_id = $1`,
      [labId],
    );
    // A project by its Sillon code, the code it was imported with, or its name (when no other project of the lab bears it).
    const byCode = new Map<string, (typeof projects)[number]>();
    const byName = new Map<string, (typeof projects)[number] | 'ambiguous'>();
    for (const p of projects) {
      byCode.set(p.code.toUpperCase(), p);
      if (p.import_key?.startsWith('code:')) byCode.set(p.import_key.slice(5), p);
      const name = normaliseText(p.name);
      byName.set(name, byName.has(name) ? 'ambiguous' : p);
    }
    const today = parisToday();
    const reads = sheet.rows.map((row) => readMilestoneRow(sheet.columns, mapping, row, today));
    const column = mapping['project'];
    const resolved = reads.map((read) => {
      if (!read.draft) return { read, project: null };
      const ref = read.draft.project;
      const project = byCode.get(ref.toUpperCase()) ?? byName.get(normaliseText(ref));
      if (!project) return { read: { ...read, draft: null, messages: [`Ligne ${read.line}, colonne « ${column} » : aucun projet du lab n'a pour code ou pour nom « ${ref} ».`] }, project: null };
      if (project === 'ambiguous') return { read: { ...read, draft: null, messages: [`Ligne ${read.line}, colonne « ${column} » : plusieurs projets du lab s'appellent « ${ref} » : indiquez son code.`] }, project: null };
      if (project.archived) return { read: { ...read, draft: null, messages: [`Ligne ${read.line}, colonne « ${column} » : le projet « ${ref} » est archivé.`] }, project: null };
      return { read, project };
    });
    const projectIds = [...new Set(resolved.flatMap(({ project }) => (project ? [project.id] : [])))];
    const existing: { project_id: string; title: string; due_on: string; import_key: string | null }[] = projectIds.length
      ? await manager.query(`SELECT project_id, title, to_char(due_on, 'YYYY-MM-DD') AS due_on, import_key FROM milestone WHERE project_id = ANY($1::uuid[])`, [projectIds])
      : [];
    const keyOf = (projectId: string, title: string, dueOn: string) => `${projectId}|${normaliseText(title)}|${dueOn}`;
    const known = new Set<string>();
    for (const m of existing) {
      known.add(keyOf(m.project_id, m.title, m.due_on));
      if (m.import_key) known.add(m.import_key);
    }
    const seen = new Map<string, number>();
    return resolved.map(({ read, project }) => {
      const keyed: ReadRow<MilestoneDraft & { key: string }> = {
        ...read,
        draft: read.draft && project ? { ...read.draft, key: keyOf(project.id, read.draft.title, read.draft.dueOn) } : null,
      };
      return this.decide(keyed, known, seen, (d) => ({ ...d, line: read.line, projectId: (project as { id: string }).id, stage: d.stage ?? (project as { stage: MilestoneRow['stage'] }).stage }), 'ce jalon');
    });
  }

  private report(plan: Plan, dryRun: boolean): ImportReport {
    const rows: ImportRowReport[] = (plan.rows as Decided<unknown>[]).map((row) => ({
      line: row.line,
      label: row.label,
      status: row.messages.length ? 'error' : row.create ? 'create' : 'unchanged',
      messages: row.messages,
    }));
    const count = (status: ImportRowReport['status']) => rows.filter((row) => row.status === status).length;
    rows.sort((a, b) => Number(b.status === 'error') - Number(a.status === 'error') || a.line - b.line);
    return { kind: plan.kind, dryRun, total: rows.length, created: count('create'), unchanged: count('unchanged'), errors: count('error'), rows };
  }

  private async insertProjects(manager: EntityManager, labId: string, actor: Actor, decided: Decided<ProjectRow>[]): Promise<void> {
    const rows = decided.flatMap((row) => (row.create ? [row.create] : []));
    if (!rows.length) return;
    const [lab] = await manager.query(`SELECT code FROM lab WHERE id = $1`, [labId]);
    const year = parisYear();
    // The lab's counter moves by the number of projects at once: their codes follow each other.
    const [{ last_value: last }] = await manager.query(
      `INSERT INTO project_code_counter (lab_id, year, last_value) VALUES ($1, $2, $3)
       ON CONFLICT (lab_id, year) DO UPDATE SET last_value = project_code_counter.last_value + EXCLUDED.last_value
       RETURNING last_value`,
      [labId, year, rows.length],
    );
    const first = last - rows.length + 1;
    const input = rows.map((row, i) => ({
      code: formatProjectCode(lab.code, year, first + i),
      import_key: row.key,
      name: row.name,
      summary: row.summary,
      stage: row.stage,
      status: row.status,
      status_reason: row.statusReason,
      health: row.health,
      themes: row.themes,
      departments: row.departments,
      start_date: row.startDate,
    }));
    // One statement: the projects, the first step of their history and one audit event each.
    await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS i (code varchar, import_key varchar, name varchar, summary varchar, stage varchar, status varchar,
           status_reason varchar, health varchar, themes varchar[], departments varchar[], start_date date)
       ), created AS (
         INSERT INTO project (lab_id, code, import_key, name, summary, stage, status, status_reason, health, themes, departments, start_date)
         SELECT $2, code, import_key, name, summary, stage, status, status_reason, health, themes, departments, start_date FROM input
         RETURNING id, code, name, stage, status
       ), history AS (
         INSERT INTO stage_transition (project_id, from_stage, to_stage, from_status, to_status, rationale, decided_by)
         SELECT id, NULL, stage, NULL, status, 'Import depuis le tableur du lab', $3 FROM created
       )
       INSERT INTO audit_event (actor_id, actor_email, action, entity_type, entity_id, lab_id, ip, after)
       SELECT $3, $4, 'import', 'project', id::text, $2, $5, jsonb_build_object('code', code, 'name', name, 'stage', stage, 'status', status) FROM created`,
      [JSON.stringify(input), labId, actor.actorId, actor.actorEmail, actor.ip],
    );
  }

  private async insertMilestones(manager: EntityManager, labId: string, actor: Actor, decided: Decided<MilestoneRow>[]): Promise<void> {
    const rows = decided.flatMap((row) => (row.create ? [row.create] : []));
    if (!rows.length) return;
    const input = rows.map((row) => ({
      project_id: row.projectId,
      import_key: row.key,
      title: row.title,
      kind: row.kind,
      stage: row.stage,
      due_on: row.dueOn,
      completed_on: row.completedOn,
      status: row.status,
      participant_count: row.participantCount,
    }));
    await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS i (project_id uuid, import_key varchar, title varchar, kind varchar, stage varchar, due_on date,
           completed_on date, status varchar, participant_count integer)
       ), created AS (
         INSERT INTO milestone (project_id, lab_id, import_key, title, kind, stage, due_on, completed_on, status, participant_count)
         SELECT i.project_id, $2, i.import_key, i.title, i.kind, i.stage, i.due_on, i.completed_on, i.status, i.participant_count
           FROM input i JOIN project p ON p.id = i.project_id AND p.lab_id = $2
         RETURNING id, project_id, title, kind, due_on, status
       )
       INSERT INTO audit_event (actor_id, actor_email, action, entity_type, entity_id, lab_id, ip, after)
       SELECT $3, $4, 'import', 'milestone', id::text, $2, $5,
              jsonb_build_object('projectId', project_id, 'title', title, 'kind', kind, 'dueOn', to_char(due_on, 'YYYY-MM-DD'), 'status', status) FROM created`,
      [JSON.stringify(input), labId, actor.actorId, actor.actorEmail, actor.ip],
    );
  }

  private async insertOrganisations(manager: EntityManager, labId: string, actor: Actor, decided: Decided<OrganisationRow>[]): Promise<void> {
    const rows = decided.flatMap((row) => (row.create ? [row.create] : []));
    if (!rows.length) return;
    const input = rows.map((row) => ({ import_key: row.key, name: row.name, type: row.type, siret: row.siret, department: row.department }));
    await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS i (import_key varchar, name varchar, type varchar, siret varchar, department varchar)
       ), created AS (
         INSERT INTO organisation (lab_id, import_key, name, type, siret, department)
         SELECT $2, import_key, name, type, siret, department FROM input
         RETURNING id, name, type, siret, department
       )
       INSERT INTO audit_event (actor_id, actor_email, action, entity_type, entity_id, lab_id, ip, after)
       SELECT $3, $4, 'import', 'organisation', id::text, $2, $5,
              jsonb_build_object('name', name, 'type', type, 'siret', siret, 'department', department) FROM created`,
      [JSON.stringify(input), labId, actor.actorId, actor.actorEmail, actor.ip],
    );
  }
}

interface Actor {
  actorId: string;
  actorEmail: string;
  ip: string | null;
}
