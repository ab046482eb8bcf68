import {
  FUNDING_SCHEMES,
  FUNDING_STATUSES,
  Health,
  MILESTONE_KINDS,
  MILESTONE_KINDS_WITH_PARTICIPANTS,
  MilestoneStatus,
  ORGANISATION_TYPES,
  PARTNER_ROLES,
  PartnerRole,
  ProjectStatus,
  Role,
  Stage,
  STAGES,
  THEMES,
} from '@sillon/contracts';
import { Prng } from '../../apps/api/src/modules/demo/prng';

// A deterministic national network: the same seed, scale and day give the same rows, ids included.
// Lab 0 is the big lab of the dashboard run (1,000 projects); the labs of region 0 are three times
// the size of the others, so that one region holds the 100,000 milestone rows of the export run.

export const REGIONS = [
  'Île-de-France', 'Hauts-de-France', 'Grand Est', 'Normandie', 'Bretagne', 'Pays de la Loire', 'Centre-Val de Loire',
  'Bourgogne-Franche-Comté', 'Auvergne-Rhône-Alpes', 'Nouvelle-Aquitaine', 'Occitanie', "Provence-Alpes-Côte d'Azur", 'Corse',
] as const;

// Départements per region (INSEE codes), used for labs' and projects' territories.
const REGION_DEPARTMENTS: string[][] = [
  ['75', '77', '78', '91', '92', '93', '94', '95'], ['02', '59', '60', '62', '80'], ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'],
  ['14', '27', '50', '61', '76'], ['22', '29', '35', '56'], ['44', '49', '53', '72', '85'], ['18', '28', '36', '37', '41', '45'],
  ['21', '25', '39', '58', '70', '71', '89', '90'], ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'], ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
  ['04', '05', '06', '13', '83', '84'], ['2A', '2B'],
];

export const BENCH_PASSWORD = 'sillon-bench-2026';
// Share of the projects in each stage. Every list of values (stages, kinds, types, schemes…) is the
// contracts' own, in its order: the same seed draws the same portfolio.
const STAGE_WEIGHTS: Record<Stage, number> = { co_design: 0.3, ideation: 0.25, prototyping: 0.2, incubation: 0.15, scale_up: 0.1 };
const ACTIVE: ProjectStatus = 'active';
// Green twice as often as amber or red.
const HEALTH_DRAW: readonly Health[] = ['green', 'green', 'amber', 'red'];
const WORDS = ['Tiers-lieu', 'Épicerie', 'Fabrique', 'Atelier', 'Réseau', 'Plateforme', 'Guichet', 'Maison', 'Parcours', 'Coopérative', 'Laboratoire', 'Bus'];
const TOPICS = ['numérique', 'solidaire', 'des mobilités', 'de la jeunesse', 'alimentaire', 'des droits', 'du logement', 'de santé', 'circulaire', 'citoyen'];
const WITH_PARTICIPANTS = new Set(MILESTONE_KINDS_WITH_PARTICIPANTS);
const DAY_MS = 86_400_000;

export interface ScaleOptions {
  projects: number;
  labs: number;
  milestonesPerProject: number;
  seed: number;
  // Paris date (YYYY-MM-DD) the portfolio is built around: overdue means due before it.
  today: string;
}

export interface BenchLab {
  index: number;
  id: string;
  code: string;
  name: string;
  regionIndex: number;
  projects: number;
  managerEmail: string;
  leadIds: string[];
  managerId: string;
}

export interface BenchPlan {
  regions: { id: string; name: string; directorEmail: string; directorId: string }[];
  labs: BenchLab[];
}

export type Row = unknown[];

// Receives rows table by table; the loader batches them into bulk INSERTs.
export interface RowSink {
  add(table: string, row: Row): Promise<void>;
}

const labCode = (i: number) => String.fromCharCode(65 + Math.floor(i / 676) % 26, 65 + Math.floor(i / 26) % 26, 65 + (i % 26));
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// Splits `total` by weights, largest remainders first, so that the parts add up exactly.
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) parts[order[k][1]]++;
  return parts;
}

export function planPortfolio(options: ScaleOptions): BenchPlan {
  const prng = new Prng(options.seed);
  const regions = REGIONS.map((name, i) => ({ id: prng.uuid(), name, directorEmail: `direction.r${i}@bench.sillon.test`, directorId: prng.uuid() }));
  const bigLab = Math.min(1000, Math.floor(options.projects / 10));
  // Region 0 gets a quarter of the labs; the others are dealt round-robin over the other regions.
  const region0Labs = Math.max(1, Math.round(options.labs / 4));
  const regionOf = (i: number) => (i < region0Labs ? 0 : 1 + ((i - region0Labs) % (REGIONS.length - 1)));
  const rest = apportion(options.projects - bigLab, Array.from({ length: options.labs - 1 }, (_, k) => (regionOf(k + 1) === 0 ? 3 : 1)));
  const sizes = [bigLab, ...rest];
  const labs = sizes.map((projects, index) => {
    const code = labCode(index);
    const leads = Math.max(2, Math.ceil(projects / 25));
    return {
      index,
      id: prng.uuid(),
      code,
      name: `Lab ${code} (${REGIONS[regionOf(index)]})`,
      regionIndex: regionOf(index),
      projects,
      managerEmail: `manager.${code.toLowerCase()}@bench.sillon.test`,
      managerId: prng.uuid(),
      leadIds: Array.from({ length: leads }, () => prng.uuid()),
    };
  });
  return { regions, labs };
}

// The index of a stage in STAGES, drawn by STAGE_WEIGHTS.
function weightedStage(prng: Prng): number {
  let x = prng.next();
  for (let i = 0; i < STAGES.length; i++) {
    x -= STAGE_WEIGHTS[STAGES[i]];
    if (x < 0) return i;
  }
  return STAGES.length - 1;
}

// Writes the whole portfolio into `sink`, one lab at a time (each lab from its own seed).
export async function generatePortfolio(options: ScaleOptions, plan: BenchPlan, passwordHash: string, sink: RowSink): Promise<void> {
  const todayMs = Date.parse(`${options.today}T12:00:00Z`);
  for (const region of plan.regions) {
    await sink.add('region', [region.id, region.name]);
    await sink.add('app_user', [region.directorId, region.directorEmail, `Direction ${region.name}`, 'regional_director' satisfies Role, null, region.id, passwordHash]);
  }
  for (const lab of plan.labs) {
    const prng = new Prng(options.seed * 7919 + lab.index + 1);
    const departments = REGION_DEPARTMENTS[lab.regionIndex];
    const labDepartments = departments.filter((_, k) => k % 2 === lab.index % 2 || departments.length < 3);
    await sink.add('lab', [lab.id, lab.name, lab.code, plan.regions[lab.regionIndex].id, (labDepartments.length ? labDepartments : departments).join(',')]);
    await sink.add('app_user', [lab.managerId, lab.managerEmail, `Responsable ${lab.code}`, 'lab_manager' satisfies Role, lab.id, null, passwordHash]);
    for (const [k, id] of lab.leadIds.entries()) {
      await sink.add('app_user', [id, `lead${k}.${lab.code.toLowerCase()}@bench.sillon.test`, `Cheffe de projet ${k} ${lab.code}`, 'project_lead' satisfies Role, lab.id, null, passwordHash]);
    }
    for (const stage of STAGES) {
      for (let position = 0; position < 2; position++) {
        await sink.add('gate_criterion', [prng.uuid(), lab.id, stage, `Critère ${position + 1} de l'étape ${stage}`, position]);
      }
    }
    const organisations = Array.from({ length: 40 }, (_, k) => ({ id: prng.uuid(), type: ORGANISATION_TYPES[k % ORGANISATION_TYPES.length] }));
    for (const [k, org] of organisations.entries()) {
      await sink.add('organisation', [org.id, lab.id, `Organisation ${k} ${lab.code}`, org.type, prng.pick(departments)]);
    }
    const counters = new Map<number, number>();
    for (let n = 0; n < lab.projects; n++) {
      const projectId = prng.uuid();
      const createdMs = todayMs - prng.int(30, 4 * 365) * DAY_MS - prng.int(0, 86_399) * 1000;
      const year = new Date(createdMs).getUTCFullYear();
      const seq = (counters.get(year) ?? 0) + 1;
      counters.set(year, seq);
      const stageIndex = weightedStage(prng);
      const roll = prng.next();
      const status: ProjectStatus = STAGES[stageIndex] === 'scale_up' && roll < 0.3 ? 'scaled' : roll < 0.75 ? 'active' : roll < 0.87 ? 'on_hold' : roll < 0.97 ? 'stopped' : 'active';
      const leadId = prng.pick(lab.leadIds);
      const themes = [...new Set([prng.pick(THEMES), prng.pick(THEMES)])];
      // Stage moves spread over the project's life so far; the status change (if any) comes last.
      const lifeMs = todayMs - createdMs;
      const moves = Array.from({ length: stageIndex }, (_, s) => createdMs + Math.floor((lifeMs * (s + 1)) / (stageIndex + 2)) + prng.int(0, 3600) * 1000);
      const stageEnteredMs = moves.length ? moves[moves.length - 1] : createdMs;
      const updatedMs = stageEnteredMs + Math.floor(prng.next() * (todayMs - stageEnteredMs));
      const archived = prng.chance(0.02) ? new Date(updatedMs).toISOString() : null;
      await sink.add('project', [
        projectId, lab.id, `${lab.code}-${year}-${String(seq).padStart(3, '0')}`,
        `${prng.pick(WORDS)} ${prng.pick(TOPICS)} ${lab.code}-${n}`,
        `Projet de démonstration à l'échelle nationale n° ${n} du ${lab.name}.`,
        themes.join(','), STAGES[stageIndex], status, status === 'stopped' ? 'Le besoin était couvert par un autre dispositif.' : null,
        prng.pick(HEALTH_DRAW), leadId, prng.pick(departments),
        isoDay(createdMs), prng.chance(0.3), new Date(stageEnteredMs).toISOString(), new Date(createdMs).toISOString(),
        new Date(updatedMs).toISOString(), archived,
      ]);
      await sink.add('stage_transition', [prng.uuid(), projectId, null, STAGES[0], null, ACTIVE, 'Création du projet', leadId, new Date(createdMs).toISOString()]);
      for (const [s, at] of moves.entries()) {
        await sink.add('stage_transition', [prng.uuid(), projectId, STAGES[s], STAGES[s + 1], ACTIVE, ACTIVE, 'Critères remplis, étape validée.', lab.managerId, new Date(at).toISOString()]);
      }
      if (status !== 'active') {
        const at = new Date(stageEnteredMs + Math.floor((todayMs - stageEnteredMs) / 2)).toISOString();
        await sink.add('stage_transition', [prng.uuid(), projectId, STAGES[stageIndex], STAGES[stageIndex], ACTIVE, status, 'Décision de statut.', lab.managerId, at]);
      }
      for (let m = 0; m < options.milestonesPerProject; m++) {
        const dueMs = createdMs + prng.int(0, 900) * DAY_MS;
        const kind = prng.pick(MILESTONE_KINDS);
        const past = dueMs < todayMs - DAY_MS;
        const r = prng.next();
        const milestoneStatus: MilestoneStatus = past ? (r < 0.7 ? 'done' : r < 0.75 ? 'cancelled' : 'planned') : r < 0.08 ? 'done' : 'planned';
        const completedMs = milestoneStatus === 'done' ? Math.min(todayMs - DAY_MS, dueMs + prng.int(-10, 20) * DAY_MS) : null;
        const participants = milestoneStatus === 'done' && WITH_PARTICIPANTS.has(kind) ? prng.int(5, 60) : null;
        await sink.add('milestone', [
          prng.uuid(), projectId, lab.id, `Jalon ${m + 1} : ${kind}`, kind, STAGES[Math.min(stageIndex, Math.floor((m * 5) / options.milestonesPerProject))],
          isoDay(dueMs), completedMs === null ? null : isoDay(completedMs), milestoneStatus, leadId, participants,
          new Date(createdMs).toISOString(), new Date(completedMs ?? createdMs).toISOString(),
        ]);
      }
      const partnerOrgs = [prng.pick(organisations), prng.pick(organisations)];
      await sink.add('project_partner', [prng.uuid(), projectId, partnerOrgs[0].id, 'lead_partner' satisfies PartnerRole, isoDay(createdMs)]);
      if (partnerOrgs[1] !== partnerOrgs[0]) await sink.add('project_partner', [prng.uuid(), projectId, partnerOrgs[1].id, prng.pick(PARTNER_ROLES), isoDay(createdMs)]);
      for (let f = 0; f < 2; f++) {
        const fundingStatus = prng.pick(FUNDING_STATUSES);
        await sink.add('funding_line', [
          prng.uuid(), projectId, lab.id, prng.pick(organisations).id, `Financement ${f + 1}`, prng.pick(FUNDING_SCHEMES),
          prng.int(50, 2000) * 10_000, fundingStatus, isoDay(createdMs + 20 * DAY_MS),
          fundingStatus === 'requested' ? null : isoDay(createdMs + 60 * DAY_MS), fundingStatus === 'received' ? isoDay(createdMs + 90 * DAY_MS) : null,
        ]);
      }
    }
    for (const [year, last] of counters) await sink.add('project_code_counter', [lab.id, year, last]);
  }
}
