import { GateCriterion, Lab, Region, User } from '@sillon/contracts';

// Records as the API answers them, for the tests of the Administration page.
export const aUser = (overrides: Partial<User> = {}): User => ({
  id: '11111111-1111-4111-8111-111111111111',
  email: 'camille.martin@demo.sillon.fr',
  displayName: 'Camille Martin',
  role: 'project_lead',
  labId: '22222222-2222-4222-8222-222222222222',
  labName: 'Lab ESS Lille',
  regionId: '33333333-3333-4333-8333-333333333333',
  regionName: 'Hauts-de-France',
  active: true,
  createdAt: '2026-01-12T09:00:00.000Z',
  updatedAt: '2026-01-12T09:00:00.000Z',
  version: 1,
  ...overrides,
});

export const aLab = (overrides: Partial<Lab> = {}): Lab => ({
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Lab ESS Lille',
  code: 'LIL',
  regionId: '33333333-3333-4333-8333-333333333333',
  regionName: 'Hauts-de-France',
  departments: ['59', '62'],
  version: 1,
  ...overrides,
});

export const aRegion = (overrides: Partial<Region> = {}): Region => ({
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Hauts-de-France',
  ...overrides,
});

export const aCriterion = (overrides: Partial<GateCriterion> = {}): GateCriterion => ({
  id: '44444444-4444-4444-8444-444444444444',
  labId: '22222222-2222-4222-8222-222222222222',
  stage: 'co_design',
  label: 'Usagers identifiés',
  position: 0,
  ...overrides,
});
