import { Milestone, Project } from '@sillon/contracts';

// Records as the API answers them, for the tests of this lib and of the features built on it.
export function aProject(overrides: Partial<Project> = {}): Project {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    labId: '22222222-2222-4222-8222-222222222222',
    labCode: 'LIL',
    code: 'LIL-2026-001',
    name: 'Repair café mobile',
    summary: 'Un atelier de réparation itinérant.',
    themes: ['transition_ecologique'],
    stage: 'ideation',
    status: 'active',
    statusReason: null,
    health: 'green',
    healthComment: null,
    leadId: '33333333-3333-4333-8333-333333333333',
    leadName: 'Camille Lefebvre',
    departments: ['59'],
    communes: [],
    startDate: '2026-01-15',
    isPublic: false,
    stageEnteredAt: '2026-03-01T09:00:00.000Z',
    daysInStage: 12,
    version: 3,
    createdAt: '2026-01-15T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    archivedAt: null,
    ...overrides,
  };
}

export function aMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    projectId: '11111111-1111-4111-8111-111111111111',
    projectCode: 'LIL-2026-001',
    projectName: 'Repair café mobile',
    labId: '22222222-2222-4222-8222-222222222222',
    title: 'Atelier avec les usagers',
    kind: 'workshop',
    stage: 'ideation',
    dueOn: '2026-03-10',
    completedOn: '2026-03-10',
    status: 'done',
    late: false,
    ownerId: null,
    ownerName: null,
    participantCount: 14,
    evidenceUrl: null,
    version: 1,
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    ...overrides,
  };
}
