import type { FieldError } from '@sillon/contracts';

interface FundingDates {
  requestedOn: string | null;
  decidedOn: string | null;
  receivedOn: string | null;
}

// A decision cannot precede the request, nor a payment the decision.
export function fundingDateErrors({ requestedOn, decidedOn, receivedOn }: FundingDates): FieldError[] {
  const errors: FieldError[] = [];
  if (requestedOn && decidedOn && decidedOn < requestedOn) {
    errors.push({ field: 'decidedOn', code: 'dateOrder', message: 'La date de décision ne peut pas précéder la date de demande.' });
  }
  const after = decidedOn ?? requestedOn;
  if (after && receivedOn && receivedOn < after) {
    errors.push({ field: 'receivedOn', code: 'dateOrder', message: 'La date de versement ne peut pas précéder la décision ni la demande.' });
  }
  return errors;
}
