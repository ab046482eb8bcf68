import { FUNDING_STATUSES, FundingLine, FundingScheme, FundingStatus, FundingTotals } from '@sillon/contracts';

export const FUNDING_COLUMNS = `f.id, f.project_id, f.lab_id, f.funder_id, o.name AS funder_name, f.label, f.scheme, f.amount_cents,
  f.status, f.requested_on::text AS requested_on, f.decided_on::text AS decided_on, f.received_on::text AS received_on,
  f.version, f.created_at, f.updated_at`;

export const FROM_FUNDING = `FROM funding_line f LEFT JOIN organisation o ON o.id = f.funder_id`;

type Row = Record<string, unknown>;
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

export function toFundingLine(row: Row): FundingLine {
  return {
    id: row['id'] as string,
    projectId: row['project_id'] as string,
    labId: row['lab_id'] as string,
    funderId: (row['funder_id'] as string | null) ?? null,
    funderName: (row['funder_name'] as string | null) ?? null,
    label: row['label'] as string,
    scheme: row['scheme'] as FundingScheme,
    // bigint comes back as text; amounts stay below 2^53, so the number is exact.
    amountCents: Number(row['amount_cents']),
    status: row['status'] as FundingStatus,
    requestedOn: (row['requested_on'] as string | null) ?? null,
    decidedOn: (row['decided_on'] as string | null) ?? null,
    receivedOn: (row['received_on'] as string | null) ?? null,
    version: Number(row['version']),
    createdAt: iso(row['created_at']),
    updatedAt: iso(row['updated_at']),
  };
}

// Integer sums per status (cents): no float ever touches an amount.
export function totalsByStatus(lines: FundingLine[]): FundingTotals {
  const totals = Object.fromEntries(FUNDING_STATUSES.map((status) => [status, 0])) as Record<FundingStatus, number>;
  for (const line of lines) totals[line.status] += line.amountCents;
  return totals;
}
