import type { ActivityAttendance, ActivityKind, Theme } from '@sillon/contracts';
import type { DemoPortfolio } from './demo-portfolio';
import { Prng } from './prng';

// The Lille lab's activities beyond its projects over 2025 and 2026: visits, creative workshops run
// with public and private partners, a forum, a training, the lab's open day. About 1,000 visitors in
// 2025 and 3,000 in 2026, as a lab reports them to its funders.
interface DemoActivitySpec {
  title: string;
  kind: ActivityKind;
  startsOn: string;
  endsOn?: string;
  place: string;
  description: string;
  // Organisations of the lab, by name.
  facilitators?: string[];
  // The first Lille projects of this theme, by code.
  projectTheme?: Theme;
  attendance: Partial<ActivityAttendance>;
}

const SPECS: DemoActivitySpec[] = [
  {
    title: 'Visite de la préfète au lab', kind: 'visit', startsOn: '2025-03-14', place: 'Lab, Lille',
    description: 'Présentation du portefeuille et rencontre avec trois équipes projet.', attendance: { state: 8, local_authority: 4 },
  },
  {
    title: 'Atelier créatif « Habiter demain »', kind: 'workshop', startsOn: '2025-05-22', place: 'Roubaix, salle Watremez',
    description: 'Imaginer avec les habitants des logements plus dignes et moins énergivores.',
    facilitators: ['Collectif Habitat digne Roubaix', 'Ville de Roubaix', 'Transports Flandre Services'], projectTheme: 'logement',
    attendance: { local_authority: 6, association: 12, company: 3, citizen: 45 },
  },
  {
    title: 'Journées européennes du patrimoine au lab', kind: 'visit', startsOn: '2025-09-20', endsOn: '2025-09-21', place: 'Lab, Lille',
    description: 'Portes ouvertes : le lab, ses méthodes et ses projets.', attendance: { local_authority: 15, association: 30, citizen: 420 },
  },
  {
    title: "Forum de l'innovation publique", kind: 'event', startsOn: '2025-11-18', endsOn: '2025-11-19', place: 'Lille Grand Palais',
    description: 'Deux jours de retours d’expérience entre labs, administrations, associations et entreprises.',
    facilitators: ['Préfecture du Nord – SGAR', 'Région Hauts-de-France', 'Métropole Européenne de Lille'],
    attendance: { state: 60, local_authority: 150, association: 90, company: 40, citizen: 110, other: 20 },
  },
  {
    title: 'Formation des agents au design de service', kind: 'training', startsOn: '2026-02-05', endsOn: '2026-02-06', place: 'Lab, Lille',
    description: 'Deux jours pour conduire un entretien usager et prototyper un service.', attendance: { state: 25, local_authority: 35 },
  },
  {
    title: 'Atelier créatif « Mobilités rurales »', kind: 'workshop', startsOn: '2026-03-19', place: 'Hazebrouck, maison des associations',
    description: 'Des solutions de transport à la demande dessinées avec les habitants.',
    facilitators: ['Association Mobilité pour tous Flandre', 'Transports Flandre Services', 'Communauté de communes de Flandre intérieure', 'Coopérative Vélo-école du Bassin minier'],
    projectTheme: 'mobilite', attendance: { local_authority: 8, association: 10, company: 4, citizen: 38 },
  },
  {
    title: 'Visites scolaires du lab', kind: 'visit', startsOn: '2026-04-10', place: 'Lab, Lille',
    description: 'Quinze classes de collège découvrent comment se conçoit un service public.', attendance: { citizen: 380, other: 20 },
  },
  {
    title: 'Fête du lab', kind: 'event', startsOn: '2026-06-13', place: 'Parc Jean-Baptiste Lebas, Lille',
    description: 'Le lab ouvre ses projets au public : démonstrations, jeux et ateliers.',
    facilitators: ['Ville de Tourcoing', 'Les Jardins partagés de Fives', 'Fondation Solidarités du Nord'],
    attendance: { state: 10, local_authority: 60, association: 150, company: 40, citizen: 1200, other: 40 },
  },
  {
    title: 'Journées européennes du patrimoine au lab', kind: 'visit', startsOn: '2026-09-19', endsOn: '2026-09-20', place: 'Lab, Lille',
    description: 'Portes ouvertes, deuxième édition.', attendance: { local_authority: 20, association: 40, citizen: 860 },
  },
  {
    title: 'Atelier créatif « Alimentation solidaire »', kind: 'workshop', startsOn: '2026-10-08', place: 'Lille, Fives',
    description: 'Une épicerie solidaire imaginée avec ses futurs usagers.',
    facilitators: ['SCIC Cuisines solidaires du Nord', 'CCAS de Lille', 'Les Jardins partagés de Fives'], projectTheme: 'alimentation_durable',
    attendance: { local_authority: 5, association: 14, company: 2, citizen: 42 },
  },
];

export interface DemoActivity {
  id: string;
  lab: string;
  title: string;
  kind: ActivityKind;
  startsOn: string;
  endsOn: string | null;
  place: string;
  description: string;
  attendance: Partial<ActivityAttendance>;
  projectIds: string[];
  facilitatorIds: string[];
}

// Stable ids from a generator of their own, so that adding activities changes no other demo row.
export function buildDemoActivities(portfolio: Pick<DemoPortfolio, 'organisations' | 'projects'>): DemoActivity[] {
  const rng = new Prng(15_2026);
  const lab = 'LIL';
  return SPECS.map((spec) => {
    const facilitatorIds = (spec.facilitators ?? []).map((name) => {
      const organisation = portfolio.organisations.find((o) => o.lab === lab && o.name === name);
      if (!organisation) throw new Error(`demo activity ${spec.title}: no organisation ${name}`);
      return organisation.id;
    });
    const projectIds = spec.projectTheme
      ? portfolio.projects.filter((p) => p.lab === lab && p.themes.includes(spec.projectTheme as Theme)).slice(0, 2).map((p) => p.id)
      : [];
    return {
      id: rng.uuid(), lab, title: spec.title, kind: spec.kind, startsOn: spec.startsOn, endsOn: spec.endsOn ?? null, place: spec.place,
      description: spec.description, attendance: spec.attendance, projectIds, facilitatorIds,
    };
  });
}
