import type { CommonKind, CommonLicence } from './commons';
import type { ProjectStatus } from './project-status';
import type { Theme } from './project';
import type { Stage } from './stage';

// The anonymous open-data feed of the projects a lab marked public (not archived): no personal data
// (no lead, contact, user, e-mail) and no amount. A stable schema: fields are added, never renamed or
// removed without a new version of the feed (OPEN_DATA_SCHEMA_VERSION).
export const OPEN_DATA_SCHEMA_VERSION = '1.0.0';

export const OPEN_DATA_LICENCE = {
  name: 'Licence Ouverte / Open Licence version 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

export interface OpenDataReuse {
  territory: string;
  department: string | null;
  since: string;
  note: string | null;
}

export interface OpenDataCommon {
  title: string;
  kind: CommonKind;
  licence: CommonLicence;
  url: string;
  publishedOn: string;
  reuses: OpenDataReuse[];
}

export interface OpenDataProject {
  code: string;
  name: string;
  summary: string;
  themes: Theme[];
  stage: Stage;
  status: ProjectStatus;
  departments: string[];
  labName: string;
  regionName: string;
  // YYYY-MM-DD
  startDate: string | null;
  // YYYY-MM-DD: the day of the last change to the project.
  lastUpdated: string;
  commons: OpenDataCommon[];
}

// GET /api/v1/open-data/projects.json
export interface OpenDataFeed {
  schemaVersion: string;
  licence: { name: string; url: string };
  // ISO instant the feed was produced.
  generatedAt: string;
  schema: string;
  projects: OpenDataProject[];
}

// The fields of a project in the feed, in the order of the CSV's columns (commons as JSON text there).
export const OPEN_DATA_FIELDS = [
  'code',
  'name',
  'summary',
  'themes',
  'stage',
  'status',
  'departments',
  'labName',
  'regionName',
  'startDate',
  'lastUpdated',
  'commons',
] as const satisfies readonly (keyof OpenDataProject)[];
export type OpenDataField = (typeof OPEN_DATA_FIELDS)[number];

// Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/), GET /api/v1/open-data/schema.json.
export interface OpenDataTableSchemaField {
  name: OpenDataField;
  title: string;
  type: 'string' | 'date' | 'array' | 'object';
  format?: string;
  description: string;
  constraints?: { required?: boolean; enum?: readonly string[] };
}

export interface OpenDataTableSchema {
  $schema: string;
  name: string;
  title: string;
  description: string;
  version: string;
  licenses: { name: string; title: string; path: string }[];
  fields: OpenDataTableSchemaField[];
  primaryKey: string[];
  missingValues: string[];
}
