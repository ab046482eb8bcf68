import { FieldError, IMPORT_FIELDS, ImportKind, ImportMapping } from '@sillon/contracts';
import { normaliseText } from './import-values';

// Headers a lab's spreadsheet is likely to carry for each field, compared without case or accents.
const HEADERS: Record<ImportKind, Record<string, string[]>> = {
  projects: {
    name: ['nom du projet', 'nom', 'projet', 'intitule', 'intitule du projet', 'titre', 'name'],
    code: ['code', 'code du projet', 'code projet', 'reference', 'ref', 'identifiant', 'id'],
    summary: ['resume', 'description', 'descriptif', 'objet', 'summary'],
    stage: ['etape', 'phase', 'stade', 'stage'],
    status: ['statut', 'etat', 'status'],
    statusReason: ['motif du statut', 'motif', 'raison', 'enseignements'],
    health: ['sante', 'meteo', 'health'],
    themes: ['thematiques', 'thematique', 'themes', 'theme'],
    departments: ['departements', 'departement', 'territoire', 'dept', 'dep'],
    startDate: ['date de debut', 'debut', 'date debut', 'demarrage', 'start date'],
  },
  milestones: {
    project: ['projet', 'code du projet', 'code projet', 'nom du projet', 'project'],
    title: ['intitule du jalon', 'jalon', 'intitule', 'titre', 'libelle', 'title'],
    kind: ['type de jalon', 'type', 'nature', 'kind'],
    dueOn: ['date prevue', 'echeance', 'date', 'date d echeance', 'due'],
    stage: ['etape', 'phase', 'stage'],
    status: ['statut', 'etat', 'status'],
    completedOn: ['date de realisation', 'realise le', 'date realisee', 'fait le'],
    participantCount: ['participants', 'nombre de participants', 'nb participants', 'participation'],
  },
  organisations: {
    name: ["nom de l organisation", 'nom', 'organisation', 'structure', 'raison sociale', 'name'],
    type: ["type d organisation", 'type', 'categorie', 'nature'],
    siret: ['siret', 'n siret', 'numero siret'],
    department: ['departement', 'dept', 'dep', 'department'],
  },
};

// Each field to the first column whose header reads as one of its names, a column serving once.
export function suggestMapping(kind: ImportKind, columns: readonly string[]): ImportMapping {
  const normalised = columns.map(normaliseText);
  const taken = new Set<number>();
  const mapping: ImportMapping = {};
  for (const { field } of IMPORT_FIELDS[kind]) {
    for (const name of [...HEADERS[kind][field], normaliseText(IMPORT_FIELDS[kind].find((f) => f.field === field)?.label ?? '')]) {
      const index = normalised.findIndex((header, i) => !taken.has(i) && header === name);
      if (index >= 0) {
        taken.add(index);
        mapping[field] = columns[index];
        break;
      }
    }
  }
  return mapping;
}

// The mapping a client sent, checked against the kind's fields and the file's columns: each problem
// names `mapping.<field>`.
export function mappingErrors(kind: ImportKind, mapping: ImportMapping, columns: readonly string[]): FieldError[] {
  const fields = IMPORT_FIELDS[kind];
  const errors: FieldError[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (!fields.some((f) => f.field === field)) {
      errors.push({ field: `mapping.${field}`, code: 'whitelistValidation', message: "Ce champ n'existe pas pour ce type d'import." });
    } else if (typeof column !== 'string') {
      errors.push({ field: `mapping.${field}`, code: 'isString', message: 'Le nom d’une colonne du fichier est attendu.' });
    } else if (column !== '' && !columns.includes(column)) {
      errors.push({ field: `mapping.${field}`, code: 'unknownColumn', message: `Le fichier n'a pas de colonne « ${column} ».` });
    }
  }
  for (const { field, label, required } of fields) {
    if (required && !mapping[field]) {
      errors.push({ field: `mapping.${field}`, code: 'isNotEmpty', message: `Choisissez la colonne qui donne « ${label} » : ce champ est obligatoire.` });
    }
  }
  return errors;
}
