import { Project } from '@sillon/contracts';

// A project record as the API answers it, for tests.
export function aProject(overrides: Partial<Project> = {}): Project {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    labId: 'lab-lille',
    labCode: 'LIL',
    code: 'LIL-2026-001',
    name: 'Cantine zéro déchet',
    summary: '',
    themes: ['alimentation_durable'],
    stage: 'ideation',
    status: 'active',
    statusReason: null,
    health: 'green',
    healthComment: null,
    leadId: 'lead-1',
    leadName: 'Léo Lille',
    departments: ['59'],
    communes: [],
    startDate: null,
    isPublic: false,
    stageEnteredAt: '2026-10-01T08:00:00.000Z',
    daysInStage: 12,
    version: 3,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-10-01T08:00:00.000Z',
    archivedAt: null,
    ...overrides,
  };
}
