import {
  COMMON_KINDS,
  OPEN_DATA_FIELDS,
  OPEN_DATA_LICENCE,
  OPEN_DATA_SCHEMA_VERSION,
  OpenDataField,
  OpenDataTableSchema,
  OpenDataTableSchemaField,
  PROJECT_STATUSES,
  STAGES,
  THEMES,
} from '@sillon/contracts';

// The feed's Frictionless Table Schema, in French for the people who reuse it. Keyed by field, so
// that a field added to OpenDataProject does not compile until it is described here.
const FIELDS: Readonly<Record<OpenDataField, Omit<OpenDataTableSchemaField, 'name'>>> = {
  code: {
    title: 'Code du projet',
    type: 'string',
    description: 'Identifiant stable du projet : code du lab, année de création, numéro (ex. LIL-2026-014).',
    constraints: { required: true },
  },
  name: { title: 'Nom', type: 'string', description: 'Nom du projet.', constraints: { required: true } },
  summary: { title: 'Résumé', type: 'string', description: 'Présentation du projet par son lab (texte libre, sans données personnelles).' },
  themes: {
    title: 'Thèmes',
    type: 'array',
    description: `Thèmes d’action publique du projet, parmi : ${THEMES.join(', ')}. En CSV : tableau JSON.`,
  },
  stage: {
    title: 'Phase',
    type: 'string',
    description: 'Phase du projet : co_design (co-conception), ideation (idéation), prototyping (prototypage), incubation, scale_up (essaimage).',
    constraints: { required: true, enum: STAGES },
  },
  status: {
    title: 'Statut',
    type: 'string',
    description: 'Statut du projet : actif, en pause, arrêté ou essaimé (valeurs : ' + PROJECT_STATUSES.join(', ') + ').',
    constraints: { required: true, enum: PROJECT_STATUSES },
  },
  departments: {
    title: 'Départements',
    type: 'array',
    description: 'Codes INSEE des départements où le projet est mené (Code officiel géographique). En CSV : tableau JSON.',
  },
  labName: { title: 'Lab', type: 'string', description: 'Nom du laboratoire d’innovation territoriale qui porte le projet.', constraints: { required: true } },
  regionName: { title: 'Région', type: 'string', description: 'Région du lab.', constraints: { required: true } },
  startDate: { title: 'Date de début', type: 'date', format: 'default', description: 'Date de début du projet (AAAA-MM-JJ), vide si inconnue.' },
  lastUpdated: {
    title: 'Dernière mise à jour',
    type: 'date',
    format: 'default',
    description: 'Jour (heure de Paris) de la dernière modification de la fiche du projet (AAAA-MM-JJ).',
    constraints: { required: true },
  },
  commons: {
    title: 'Communs publiés',
    type: 'array',
    description:
      'Communs publiés par le projet : objets { title (titre), kind (nature : ' + COMMON_KINDS.join(', ') + '), licence, url, publishedOn (date de publication), ' +
      'reuses (réutilisations par d’autres territoires : territory, department — code INSEE ou null —, since — date —, note) }. En CSV : tableau JSON.',
  },
};

export const OPEN_DATA_TABLE_SCHEMA: OpenDataTableSchema = {
  $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
  name: 'sillon-projets-publics',
  title: 'Projets publics des laboratoires d’innovation territoriale',
  description:
    'Projets que leurs labs ont choisi de publier (hors projets archivés), avec les communs qu’ils diffusent et leurs réutilisations. ' +
    'Aucune donnée personnelle : ni porteur ou porteuse de projet, ni contact, ni compte, ni adresse e-mail, ni montant de financement.',
  version: OPEN_DATA_SCHEMA_VERSION,
  licenses: [{ name: 'etalab-2.0', title: OPEN_DATA_LICENCE.name, path: OPEN_DATA_LICENCE.url }],
  fields: OPEN_DATA_FIELDS.map((name) => ({ name, ...FIELDS[name] })),
  primaryKey: ['code'],
  missingValues: [''],
};
