// What a project publishes as a commons of public utility (a method, a guide, software, data…),
// under which licence, where to find it, and which other territories reuse it.

export const COMMON_KINDS = ['methode', 'guide', 'logiciel', 'donnees', 'formation', 'autre'] as const;
export type CommonKind = (typeof COMMON_KINDS)[number];

export const COMMON_KIND_LABELS_FR: Readonly<Record<CommonKind, string>> = {
  methode: 'Méthode',
  guide: 'Guide',
  logiciel: 'Logiciel',
  donnees: 'Données',
  formation: 'Formation',
  autre: 'Autre',
};

export const COMMON_LICENCES = ['etalab_2_0', 'cc_by_4_0', 'cc_by_sa_4_0', 'cc0', 'eupl_1_2', 'mit', 'agpl_3_0', 'autre'] as const;
export type CommonLicence = (typeof COMMON_LICENCES)[number];

export const COMMON_LICENCE_LABELS_FR: Readonly<Record<CommonLicence, string>> = {
  etalab_2_0: 'Licence Ouverte 2.0 (Etalab)',
  cc_by_4_0: 'CC BY 4.0',
  cc_by_sa_4_0: 'CC BY-SA 4.0',
  cc0: 'CC0 (domaine public)',
  eupl_1_2: 'EUPL 1.2',
  mit: 'MIT',
  agpl_3_0: 'AGPL-3.0',
  autre: 'Autre licence',
};

export const COMMON_TITLE_MAX = 200;
export const COMMON_URL_MAX = 2000;
export const COMMON_REUSES_MAX = 100;
export const REUSE_TERRITORY_MAX = 200;
export const REUSE_NOTE_MAX = 1000;

// A territory that took the commons up.
export interface CommonReuse {
  territory: string;
  // INSEE code of DEPARTMENT_NAMES_FR, when the territory sits in one département.
  department: string | null;
  // YYYY-MM-DD
  since: string;
  note: string | null;
}

export interface ProjectCommon {
  id: string;
  projectId: string;
  labId: string;
  title: string;
  kind: CommonKind;
  licence: CommonLicence;
  // http or https only.
  url: string;
  // YYYY-MM-DD
  publishedOn: string;
  // In the order they began.
  reuses: CommonReuse[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CommonReuseInput {
  territory: string;
  department?: string | null;
  since: string;
  note?: string | null;
}

// POST /api/v1/projects/:id/commons
export interface CreateCommonRequest {
  title: string;
  kind: CommonKind;
  licence: CommonLicence;
  url: string;
  publishedOn: string;
  reuses?: CommonReuseInput[];
}

// PATCH /api/v1/commons/:id: `reuses`, when given, replaces the whole list.
export interface UpdateCommonRequest {
  version: number;
  title?: string;
  kind?: CommonKind;
  licence?: CommonLicence;
  url?: string;
  publishedOn?: string;
  reuses?: CommonReuseInput[];
}
