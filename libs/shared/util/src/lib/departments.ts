import { DEPARTMENT_NAMES_FR, compareDepartmentCodes } from '@sillon/contracts';

// 59 → Nord; a code outside the list is shown as it is rather than hidden.
export function departmentName(code: string): string {
  return (DEPARTMENT_NAMES_FR as Record<string, string>)[code] ?? code;
}

// 59 → Nord (59): for a choice among départements, where the code is what a person may type.
export function departmentLabel(code: string): string {
  const name = departmentName(code);
  return name === code ? code : `${name} (${code})`;
}

// ['62', '59'] → Nord, Pas-de-Calais (INSEE order); nothing → the dash of an empty cell.
export function departmentNames(codes: readonly string[] | null | undefined, empty = '—'): string {
  return codes?.length ? [...codes].sort(compareDepartmentCodes).map(departmentName).join(', ') : empty;
}

// What a person typed in a département field ("59, 62 2a") → ['59', '62', '2A'], unchecked.
export function departmentCodesIn(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
}
