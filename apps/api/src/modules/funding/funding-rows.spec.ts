import type { FundingLine } from '@sillon/contracts';
import { fundingDateErrors } from './funding-dates';
import { totalsByStatus } from './funding-rows';

const line = (status: FundingLine['status'], amountCents: number) => ({ status, amountCents }) as FundingLine;

describe('totalsByStatus', () => {
  it('sums integer cents per status, with every status present', () => {
    expect(totalsByStatus([line('granted', 1_000_001), line('granted', 99), line('refused', 5)])).toEqual({
      requested: 0,
      granted: 1_000_100,
      received: 0,
      refused: 5,
    });
  });

  it('stays exact at the largest amounts', () => {
    expect(totalsByStatus([line('received', 999_999_999_999), line('received', 1)]).received).toBe(1_000_000_000_000);
  });
});

describe('fundingDateErrors', () => {
  it('accepts dates in order, or missing', () => {
    expect(fundingDateErrors({ requestedOn: '2026-01-10', decidedOn: '2026-03-01', receivedOn: '2026-03-01' })).toEqual([]);
    expect(fundingDateErrors({ requestedOn: null, decidedOn: null, receivedOn: '2026-03-01' })).toEqual([]);
  });

  it('names the field that comes too early', () => {
    expect(fundingDateErrors({ requestedOn: '2026-02-10', decidedOn: '2026-01-01', receivedOn: null }).map((e) => e.field)).toEqual(['decidedOn']);
    expect(fundingDateErrors({ requestedOn: '2026-02-10', decidedOn: null, receivedOn: '2026-02-01' }).map((e) => e.field)).toEqual(['receivedOn']);
  });
});
