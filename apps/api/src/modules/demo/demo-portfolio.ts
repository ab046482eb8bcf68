import {
  FundingScheme,
  FundingStatus,
  MILESTONE_KINDS_WITH_PARTICIPANTS,
  MilestoneKind,
  MilestoneStatus,
  PartnerRole,
  ProjectStatus,
  Stage,
  STAGES,
  Health,
} from '@sillon/contracts';
import { siretCheckDigit } from '@sillon/util';
import { DEMO_CONTACTS, DEMO_LABS, DEMO_ORGANISATIONS, DEMO_PROJECTS, DEMO_REFERENCE_DATE, DemoLab } from './demo-catalogue';
import { Prng } from './prng';

// The demo portfolio as rows to insert. Labs and people are named by code and e-mail (they may
// already exist); everything else carries a stable id drawn from the seeded generator.
export interface DemoPortfolio {
  criteria: { id: string; lab: string; stage: Stage; label: string; position: number }[];
  organisations: { id: string; lab: string; name: string; type: string; siret: string; department: string; funder: boolean }[];
  contacts: { id: string; lab: string; organisationId: string; fullName: string; email: string; roleTitle: string }[];
  projects: DemoProject[];
  transitions: {
    id: string; projectId: string; fromStage: Stage | null; toStage: Stage; fromStatus: ProjectStatus | null; toStatus: ProjectStatus;
    rationale: string; criteriaMet: string[]; criteriaUnmet: { id: string; label: string }[]; unmetReason: string | null;
    decidedBy: string; decidedAt: Date;
  }[];
  milestones: {
    id: string; projectId: string; lab: string; title: string; kind: MilestoneKind; stage: Stage; dueOn: string;
    completedOn: string | null; status: MilestoneStatus; owner: string | null; participantCount: number | null;
    evidenceUrl: string | null; createdAt: Date;
  }[];
  partners: { id: string; projectId: string; organisationId: string; role: PartnerRole; since: string; contactId: string | null }[];
  funding: {
    id: string; projectId: string; lab: string; funderId: string | null; label: string; scheme: FundingScheme; amountCents: number;
    status: FundingStatus; requestedOn: string; decidedOn: string | null; receivedOn: string | null;
  }[];
}

export interface DemoProject {
  id: string; lab: string; code: string; year: number; name: string; summary: string; themes: string[]; stage: Stage;
  status: ProjectStatus; statusReason: string | null; health: Health; healthComment: string | null; lead: string;
  departments: string[]; communes: string[]; startDate: string; isPublic: boolean; stageEnteredAt: Date; createdAt: Date; updatedAt: Date;
}

const DAY = 86_400_000;
const REFERENCE = new Date(`${DEMO_REFERENCE_DATE}T12:00:00Z`);
const EARLIEST = new Date('2024-01-08T09:00:00Z');

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const minDate = (a: Date, b: Date) => (a < b ? a : b);

const CRITERIA: Partial<Record<Stage, string[]>> = {
  co_design: ['Usagers et besoins identifiés', 'Au moins trois ateliers avec les usagers', 'Partenaire porteur pressenti'],
  ideation: ['Piste de solution choisie avec les usagers', 'Partenaires engagés par écrit'],
  prototyping: ['Prototype testé avec au moins 5 usagers', 'Retours des tests analysés', "Budget de l'incubation estimé"],
  incubation: ['Financement pérenne sécurisé', "Porteur de l'essaimage identifié", "Évaluation d'impact réalisée"],
};

const MILESTONES: Record<Stage, { kind: MilestoneKind; title: string }[]> = {
  co_design: [
    { kind: 'workshop', title: 'Atelier de co-design avec les usagers' },
    { kind: 'workshop', title: 'Entretiens et immersion auprès des habitants' },
    { kind: 'decision', title: 'Comité de lancement avec les partenaires' },
  ],
  ideation: [
    { kind: 'workshop', title: "Atelier d'idéation avec les partenaires" },
    { kind: 'deliverable', title: "Note d'opportunité" },
    { kind: 'decision', title: 'Choix de la piste à prototyper' },
  ],
  prototyping: [
    { kind: 'user_test', title: 'Test du prototype avec des usagers' },
    { kind: 'deliverable', title: 'Maquette du service' },
    { kind: 'workshop', title: "Atelier de retour d'expérience" },
  ],
  incubation: [
    { kind: 'funding', title: 'Dépôt du dossier de financement' },
    { kind: 'training', title: "Formation des agents d'accueil" },
    { kind: 'event', title: 'Journée de lancement du service' },
    { kind: 'deliverable', title: 'Bilan à six mois' },
  ],
  scale_up: [
    { kind: 'event', title: 'Présentation aux collectivités intéressées' },
    { kind: 'training', title: "Formation des équipes d'essaimage" },
    { kind: 'deliverable', title: "Guide d'essaimage" },
    { kind: 'decision', title: 'Convention de reprise par le partenaire' },
  ],
};

const FORWARD_RATIONALES: Record<Stage, (n: number) => string> = {
  co_design: () => 'Création du projet dans le portefeuille du lab.',
  ideation: (n) => `Les besoins sont documentés après ${n} ateliers avec les usagers ; le comité valide le passage en idéation.`,
  prototyping: (n) => `Deux pistes retenues avec les partenaires ; un prototype sera testé auprès de ${n} usagers.`,
  incubation: (n) => `Prototype testé avec ${n} usagers, retours majoritairement positifs : passage en incubation pour consolider le modèle.`,
  scale_up: (n) => `Le service fonctionne depuis ${n} mois et son financement est acquis : changement d'échelle décidé en comité.`,
};

const STAGE_NAMES_FR: Record<Stage, string> = {
  co_design: 'co-design', ideation: 'idéation', prototyping: 'prototypage', incubation: 'incubation', scale_up: "changement d'échelle",
};

const STATUS_REASONS: Record<Exclude<ProjectStatus, 'active'>, string[]> = {
  stopped: [
    "Arrêté : le besoin était déjà couvert par un dispositif départemental. Enseignement : cartographier l'existant dès le co-design.",
    "Arrêté faute de porteur local après le retrait de l'association partenaire. Enseignement : sécuriser deux partenaires porteurs.",
    'Arrêté : le modèle économique ne tenait pas sans subvention permanente. Les données collectées servent à un projet voisin.',
    "Arrêté : les usagers testés préféraient un accueil physique au service en ligne. Enseignement : tester plus tôt avec les publics éloignés.",
  ],
  on_hold: [
    "En pause en attendant la réponse à l'appel à projets régional.",
    'En pause pendant la réorganisation des services du Département.',
    'En pause : la cheffe de projet est en congé, reprise prévue au prochain trimestre.',
  ],
  scaled: [
    'Essaimé : le service est repris par la collectivité dans ses politiques de droit commun.',
    'Essaimé dans trois autres intercommunalités de la région.',
    "Pérennisé par le CCAS, qui l'intègre à son budget annuel.",
  ],
};

const AMBER = ['Retard sur le recrutement du coordinateur.', 'Partenaire financeur en attente de décision.', 'Participation des usagers plus faible que prévu.'];
const RED = ['Départ du partenaire porteur, solution de reprise à trouver.', 'Budget dépassé de 20 %, arbitrage nécessaire.'];

export function buildDemoPortfolio(leadsByLab: Record<string, string[]>, managerByLab: Record<string, string>): DemoPortfolio {
  const rng = new Prng(20_261_127);
  const portfolio: DemoPortfolio = { criteria: [], organisations: [], contacts: [], projects: [], transitions: [], milestones: [], partners: [], funding: [] };

  for (const lab of DEMO_LABS) {
    const criteriaByStage: Partial<Record<Stage, { id: string; label: string }[]>> = {};
    for (const stage of STAGES) {
      criteriaByStage[stage] = (CRITERIA[stage] ?? []).map((label, position) => {
        const criterion = { id: rng.uuid(), lab: lab.code, stage, label, position };
        portfolio.criteria.push(criterion);
        return { id: criterion.id, label };
      });
    }
    const organisations = DEMO_ORGANISATIONS[lab.code].map((o) => {
      const first13 = `${rng.int(1, 9)}${rng.digits(12)}`;
      const row = { id: rng.uuid(), lab: lab.code, name: o.name, type: o.type, siret: first13 + siretCheckDigit(first13), department: o.department, funder: o.funder === true };
      portfolio.organisations.push(row);
      return row;
    });
    const contacts = DEMO_CONTACTS.filter((c) => c.lab === lab.code).map((c) => {
      const organisation = organisations.find((o) => o.name === c.organisation);
      if (!organisation) throw new Error(`Organisation de démonstration inconnue : ${c.organisation}`);
      const row = { id: rng.uuid(), lab: lab.code, organisationId: organisation.id, fullName: c.fullName, email: c.email, roleTitle: c.roleTitle };
      portfolio.contacts.push(row);
      return row;
    });
    const funders = organisations.filter((o) => o.funder);
    const others = organisations.filter((o) => !o.funder);
    const ideas = DEMO_PROJECTS[lab.code];
    const leads = leadsByLab[lab.code];
    const manager = managerByLab[lab.code];

    ideas.forEach((idea, index) => {
      // Even spread over the five stages; statuses by pattern so that every one appears.
      const stageIndex = Math.floor((index * STAGES.length) / ideas.length);
      const stage = STAGES[stageIndex];
      const status: ProjectStatus =
        index % 9 === 4 ? 'stopped' : index % 11 === 7 ? 'on_hold' : stageIndex >= 3 && index % 4 === 1 ? 'scaled' : 'active';
      const ageDays = Math.min(60 + stageIndex * 130 + rng.int(0, 200), Math.floor((REFERENCE.getTime() - EARLIEST.getTime()) / DAY));
      const createdAt = new Date(addDays(REFERENCE, -ageDays).setUTCHours(8 + rng.int(0, 8), rng.int(0, 59), 0, 0));
      const year = createdAt.getUTCFullYear();
      const projectId = rng.uuid();
      const lead = leads[index % leads.length];

      // The path through the stages: forward one at a time, sometimes one step back and forward again.
      const path: Stage[] = STAGES.slice(0, stageIndex + 1);
      if (stageIndex >= 2 && rng.chance(0.15)) {
        const at = rng.int(2, stageIndex);
        path.splice(at + 1, 0, STAGES[at - 1], STAGES[at]);
      }
      const hasStatusChange = status !== 'active';
      const weights = Array.from({ length: path.length + (hasStatusChange ? 1 : 0) }, () => rng.int(2, 5));
      const total = weights.reduce((a, b) => a + b, 0) + rng.int(1, 3);
      const span = (REFERENCE.getTime() - createdAt.getTime()) / DAY - 3;
      let cumulative = 0;
      const when = (i: number) => {
        cumulative += weights[i];
        return new Date(addDays(createdAt, Math.floor((span * cumulative) / total)).setUTCHours(9 + rng.int(0, 7), rng.int(0, 59), 0, 0));
      };

      let stageEnteredAt = createdAt;
      let lastEvent = createdAt;
      const windows: { stage: Stage; from: Date; to: Date | null }[] = [{ stage: 'co_design', from: createdAt, to: null }];
      portfolio.transitions.push({
        id: rng.uuid(), projectId, fromStage: null, toStage: 'co_design', fromStatus: null, toStatus: 'active',
        rationale: FORWARD_RATIONALES.co_design(0), criteriaMet: [], criteriaUnmet: [], unmetReason: null, decidedBy: lead, decidedAt: createdAt,
      });
      for (let i = 1; i < path.length; i++) {
        const from = path[i - 1];
        const to = path[i];
        const decidedAt = when(i - 1);
        const forward = STAGES.indexOf(to) > STAGES.indexOf(from);
        const criteria = criteriaByStage[from] ?? [];
        const unmet = forward && criteria.length > 1 && rng.chance(0.15) ? [criteria[criteria.length - 1]] : [];
        portfolio.transitions.push({
          id: rng.uuid(), projectId, fromStage: from, toStage: to, fromStatus: 'active', toStatus: 'active',
          rationale: forward
            ? FORWARD_RATIONALES[to](rng.int(3, 14))
            : `Retour en ${STAGE_NAMES_FR[to]} : les tests ont montré que la solution ne répondait pas au besoin principal des usagers.`,
          criteriaMet: forward ? criteria.filter((c) => !unmet.includes(c)).map((c) => c.id) : [],
          criteriaUnmet: unmet,
          unmetReason: unmet.length ? 'Critère levé par la responsable du lab : il sera rempli pendant la phase suivante, un jalon le suit.' : null,
          // Leads propose a forward step with every criterion met; the lab manager decides the rest.
          decidedBy: forward && !unmet.length && rng.chance(0.3) ? lead : manager,
          decidedAt,
        });
        windows[windows.length - 1].to = decidedAt;
        windows.push({ stage: to, from: decidedAt, to: null });
        stageEnteredAt = decidedAt;
        lastEvent = decidedAt;
      }
      const statusReason = hasStatusChange ? rng.pick(STATUS_REASONS[status as Exclude<ProjectStatus, 'active'>]) : null;
      if (hasStatusChange) {
        const decidedAt = when(path.length - 1);
        portfolio.transitions.push({
          id: rng.uuid(), projectId, fromStage: stage, toStage: stage, fromStatus: 'active', toStatus: status,
          rationale: statusReason as string, criteriaMet: [], criteriaUnmet: [], unmetReason: null, decidedBy: manager, decidedAt,
        });
        windows[windows.length - 1].to = decidedAt;
        lastEvent = decidedAt;
      }

      // Milestones: two or three per stage visited, done in past stages, mixed in the current one.
      for (const window of windows) {
        const templates = MILESTONES[window.stage];
        const count = rng.int(2, 3);
        const end = window.to ?? addDays(REFERENCE, 90);
        const length = Math.max(1, (end.getTime() - window.from.getTime()) / DAY);
        for (let m = 0; m < count; m++) {
          const template = templates[(m + rng.int(0, templates.length - 1)) % templates.length];
          const due = addDays(window.from, Math.floor((length * (m + 1)) / (count + 1)));
          const dueOn = dateOnly(due);
          const closed = window.to !== null || due < addDays(REFERENCE, -20);
          const milestoneStatus: MilestoneStatus =
            closed ? (rng.chance(0.9) ? 'done' : 'cancelled') : window.to === null && status !== 'active' ? 'cancelled' : due < REFERENCE && rng.chance(0.5) ? 'done' : 'planned';
          const completedOn = milestoneStatus === 'done' ? dateOnly(minDate(addDays(due, rng.int(-3, 10)), addDays(REFERENCE, -1))) : null;
          portfolio.milestones.push({
            id: rng.uuid(), projectId, lab: lab.code, title: template.title, kind: template.kind, stage: window.stage, dueOn, completedOn,
            status: milestoneStatus, owner: lead,
            participantCount: MILESTONE_KINDS_WITH_PARTICIPANTS.includes(template.kind) && milestoneStatus === 'done' ? rng.int(8, 60) : null,
            evidenceUrl: milestoneStatus === 'done' && rng.chance(0.5) ? `https://partage.demo.sillon.fr/${lab.code.toLowerCase()}/${projectId.slice(0, 8)}/${m + 1}` : null,
            createdAt: window.from,
          });
        }
      }

      // Partners: a carrier, one or two others, and the funders of the project's lines.
      const since = dateOnly(addDays(createdAt, rng.int(0, 20)));
      const carrier = others[rng.int(0, others.length - 1)];
      const partnerRows: { organisationId: string; role: PartnerRole }[] = [{ organisationId: carrier.id, role: 'lead_partner' }];
      for (let k = 0; k < rng.int(1, 2); k++) {
        const organisation = others[rng.int(0, others.length - 1)];
        const role: PartnerRole = organisation.type === 'local_authority' && organisation.name.startsWith('CCAS') ? 'beneficiary' : 'partner';
        if (!partnerRows.some((p) => p.organisationId === organisation.id)) partnerRows.push({ organisationId: organisation.id, role });
      }
      if (stageIndex >= 1) {
        for (let k = 0; k < rng.int(1, 3); k++) {
          const funder = funders[rng.int(0, funders.length - 1)];
          const requested = addDays(createdAt, rng.int(20, 120));
          if (requested >= REFERENCE) continue;
          const scheme: FundingScheme = funder.type === 'other' ? 'mecenat' : rng.chance(0.5) ? 'subvention' : 'appel_a_projets';
          const decided = addDays(requested, rng.int(30, 120));
          const received = addDays(decided, rng.int(15, 90));
          const fundingStatus: FundingStatus =
            decided >= REFERENCE ? 'requested' : rng.chance(0.15) ? 'refused' : received >= REFERENCE || rng.chance(0.3) ? 'granted' : 'received';
          portfolio.funding.push({
            id: rng.uuid(), projectId, lab: lab.code, funderId: funder.id,
            label: scheme === 'appel_a_projets' ? `Appel à projets ${funder.name} ${requested.getUTCFullYear()}` : `${scheme === 'mecenat' ? 'Mécénat' : 'Subvention'} ${funder.name}`,
            scheme, amountCents: rng.int(10, 300) * 500 * 100, status: fundingStatus, requestedOn: dateOnly(requested),
            decidedOn: fundingStatus === 'requested' ? null : dateOnly(decided),
            receivedOn: fundingStatus === 'received' ? dateOnly(received) : null,
          });
          if (!partnerRows.some((p) => p.organisationId === funder.id && p.role === 'funder')) partnerRows.push({ organisationId: funder.id, role: 'funder' });
        }
      }
      for (const p of partnerRows) {
        const contact = contacts.find((c) => c.organisationId === p.organisationId && !portfolio.partners.some((x) => x.contactId === c.id));
        portfolio.partners.push({ id: rng.uuid(), projectId, organisationId: p.organisationId, role: p.role, since, contactId: contact?.id ?? null });
      }

      const health: Health = status !== 'active' ? 'green' : rng.chance(0.15) ? 'red' : rng.chance(0.25) ? 'amber' : 'green';
      portfolio.projects.push({
        id: projectId, lab: lab.code, code: '', year, name: idea.name,
        summary: idea.summary, themes: idea.themes, stage, status, statusReason, health,
        healthComment: health === 'red' ? rng.pick(RED) : health === 'amber' ? rng.pick(AMBER) : null, lead,
        departments: [idea.department], communes: idea.commune ? [idea.commune] : [], startDate: dateOnly(createdAt),
        isPublic: stageIndex >= 2 && status !== 'stopped' && rng.chance(0.6), stageEnteredAt, createdAt,
        updatedAt: minDate(addDays(lastEvent, rng.int(0, 20)), REFERENCE),
      });
    });
    // Codes follow the order of creation within each year, as the API numbers them.
    const counters: Record<number, number> = {};
    for (const project of portfolio.projects.filter((p) => p.lab === lab.code).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
      counters[project.year] = (counters[project.year] ?? 0) + 1;
      project.code = `${lab.code}-${project.year}-${String(counters[project.year]).padStart(3, '0')}`;
    }
  }
  return portfolio;
}

export type DemoLabCode = DemoLab['code'];
