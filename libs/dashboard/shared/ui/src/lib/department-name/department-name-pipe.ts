import { Pipe, PipeTransform } from '@angular/core';
import { departmentLabel, departmentNames } from '@sillon/util';

// {{ '59' | departmentName }} → Nord; {{ ['59', '62'] | departmentName }} → Nord, Pas-de-Calais;
// {{ '59' | departmentName: 'withCode' }} → Nord (59), for a choice among départements.
@Pipe({ name: 'departmentName' })
export class DepartmentNamePipe implements PipeTransform {
  transform(codes: string | readonly string[] | null | undefined, format: 'name' | 'withCode' = 'name', empty = '—'): string {
    if (typeof codes === 'string') return format === 'withCode' ? departmentLabel(codes) : departmentNames([codes], empty);
    return format === 'withCode' ? (codes?.length ? codes.map(departmentLabel).join(', ') : empty) : departmentNames(codes, empty);
  }
}
