export const FUNDING_SCHEMES = ['subvention', 'appel_a_projets', 'mecenat', 'fonds_propres', 'autre'] as const;
export type FundingScheme = (typeof FUNDING_SCHEMES)[number];

export const FUNDING_SCHEME_LABELS_FR: Readonly<Record<FundingScheme, string>> = {
  subvention: 'Subvention',
  appel_a_projets: 'Appel à projets',
  mecenat: 'Mécénat',
  fonds_propres: 'Fonds propres',
  autre: 'Autre',
};

export const FUNDING_STATUSES = ['requested', 'granted', 'received', 'refused'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

export const FUNDING_STATUS_LABELS_FR: Readonly<Record<FundingStatus, string>> = {
  requested: 'Demandé',
  granted: 'Accordé',
  received: 'Reçu',
  refused: 'Refusé',
};

// Amounts are integer euro cents, never floats: 10^12 cents is ten billion euros.
export const MAX_AMOUNT_CENTS = 1_000_000_000_000;

export interface FundingLine {
  id: string;
  projectId: string;
  labId: string;
  funderId: string | null;
  funderName: string | null;
  label: string;
  scheme: FundingScheme;
  amountCents: number;
  status: FundingStatus;
  requestedOn: string | null;
  decidedOn: string | null;
  receivedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateFundingLineRequest {
  funderId?: string;
  label?: string;
  scheme: FundingScheme;
  amountCents: number;
  status?: FundingStatus;
  requestedOn?: string;
  decidedOn?: string;
  receivedOn?: string;
}

export interface UpdateFundingLineRequest {
  version: number;
  funderId?: string | null;
  label?: string;
  scheme?: FundingScheme;
  amountCents?: number;
  status?: FundingStatus;
  requestedOn?: string | null;
  decidedOn?: string | null;
  receivedOn?: string | null;
}

// Sum of amounts per status, in cents.
export type FundingTotals = Readonly<Record<FundingStatus, number>>;

// GET /api/v1/projects/:id/funding
export interface ProjectFunding {
  items: FundingLine[];
  totals: FundingTotals;
}
