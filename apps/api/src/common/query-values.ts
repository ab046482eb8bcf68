import { Transform } from 'class-transformer';

// ?stage=ideation&stage=prototyping or ?stage=ideation,prototyping: always a list of strings.
export const ToList = () =>
  Transform(({ value }) => {
    const values = Array.isArray(value) ? value : [value];
    return values.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
  });

// Query strings are text: '2' becomes 2 (up to 15 digits, exact as a number), anything else stays as is for the
// validator to refuse.
export const ToInt = () =>
  Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value));

export const ToBoolean = () =>
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
