import { FUNDING_STATUSES, FundingLine, FundingStatus, FundingTotals } from '@sillon/contracts';
import { ColumnsOf, RowOf, selectList } from '../../database/select-list';

// The contract's FundingLine as SQL: `f` is the line, `o` its funder (see FROM_FUNDING). Dates are cast
// to text so that no time zone shifts them; toFundingLine converts the amount and the timestamps.
const FUNDING_LINE_COLUMNS: ColumnsOf<FundingLine> = {
  id: 'f.id',
  projectId: 'f.project_id',
  labId: 'f.lab_id',
  funderId: 'f.funder_id',
  funderName: 'o.name',
  label: 'f.label',
  scheme: 'f.scheme',
  amountCents: 'f.amount_cents',
  status: 'f.status',
  requestedOn: 'f.requested_on::text',
  decidedOn: 'f.decided_on::text',
  receivedOn: 'f.received_on::text',
  version: 'f.version',
  createdAt: 'f.created_at',
  updatedAt: 'f.updated_at',
};

export const FUNDING_COLUMNS = selectList(FUNDING_LINE_COLUMNS);

export const FROM_FUNDING = `FROM funding_line f LEFT JOIN organisation o ON o.id = f.funder_id`;

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

export function toFundingLine(row: RowOf<FundingLine>): FundingLine {
  return {
    ...(row as FundingLine),
    // bigint comes back as text; amounts stay below 2^53, so the number is exact.
    amountCents: Number(row.amountCents),
    version: Number(row.version),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

// Integer sums per status (cents): no float ever touches an amount.
export function totalsByStatus(lines: FundingLine[]): FundingTotals {
  const totals = Object.fromEntries(FUNDING_STATUSES.map((status) => [status, 0])) as Record<FundingStatus, number>;
  for (const line of lines) totals[line.status] += line.amountCents;
  return totals;
}
