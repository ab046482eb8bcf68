import type { CommonKind, CommonLicence } from '@sillon/contracts';
import type { DemoProject } from './demo-portfolio';
import { Prng } from './prng';

export interface DemoCommon {
  id: string; lab: string; projectId: string; title: string; kind: CommonKind; licence: CommonLicence; url: string; publishedOn: string;
  reuses: { territory: string; department: string | null; since: string; note: string | null }[];
}

// What a public demo project publishes, by kind; the title follows the project's name.
const OFFERS: { kind: CommonKind; licence: CommonLicence; title: (name: string) => string; path: string }[] = [
  { kind: 'guide', licence: 'etalab_2_0', title: (name) => `Guide pratique — ${name}`, path: 'guide' },
  { kind: 'methode', licence: 'cc_by_sa_4_0', title: (name) => `Méthode d’animation — ${name}`, path: 'methode' },
  { kind: 'logiciel', licence: 'agpl_3_0', title: (name) => `Outil libre — ${name}`, path: 'logiciel' },
  { kind: 'donnees', licence: 'etalab_2_0', title: (name) => `Jeu de données — ${name}`, path: 'donnees' },
  { kind: 'formation', licence: 'cc_by_4_0', title: (name) => `Kit de formation — ${name}`, path: 'formation' },
];

// Territories that took a demo commons up (collectivités, not people).
const TERRITORIES: { territory: string; department: string | null }[] = [
  { territory: 'Communauté d’agglomération du Douaisis', department: '59' },
  { territory: 'Ville de Lens', department: '62' },
  { territory: 'Département de la Somme', department: '80' },
  { territory: 'Métropole du Grand Nancy', department: '54' },
  { territory: 'Communauté de communes du Val de Drôme', department: '26' },
  { territory: 'Ville de Brest', department: '29' },
  { territory: 'Région Occitanie', department: null },
];

const dateOnly = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => dateOnly(new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000));

// Up to two public projects per lab publish one commons each, some reused elsewhere. A generator of
// its own, so that the rest of the demo portfolio stays as it was.
export function buildDemoCommons(projects: readonly DemoProject[]): DemoCommon[] {
  const rng = new Prng(20_261_204);
  const commons: DemoCommon[] = [];
  const perLab = new Map<string, number>();
  for (const project of projects) {
    if (!project.isPublic || (perLab.get(project.lab) ?? 0) >= 2) continue;
    perLab.set(project.lab, (perLab.get(project.lab) ?? 0) + 1);
    const offer = OFFERS[commons.length % OFFERS.length];
    const publishedOn = addDays(dateOnly(project.stageEnteredAt), rng.int(10, 60));
    const reuses = Array.from({ length: commons.length % 3 }, (_, n) => {
      const where = TERRITORIES[(commons.length + n * 3) % TERRITORIES.length];
      return { ...where, since: addDays(publishedOn, 30 + 45 * n), note: n === 0 ? 'Adapté au contexte local avec l’appui du lab.' : null };
    });
    commons.push({
      id: rng.uuid(), lab: project.lab, projectId: project.id, title: offer.title(project.name).slice(0, 200), kind: offer.kind, licence: offer.licence,
      url: `https://communs.sillon.example/${project.code.toLowerCase()}/${offer.path}`, publishedOn, reuses,
    });
  }
  return commons;
}
