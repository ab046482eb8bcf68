import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

// The paginator's words in French; provide it on a page that shows a mat-paginator.
@Injectable()
export class FrenchPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = 'Lignes par page';
  override nextPageLabel = 'Page suivante';
  override previousPageLabel = 'Page précédente';
  override firstPageLabel = 'Première page';
  override lastPageLabel = 'Dernière page';
  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return '0 sur 0';
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return `${start} – ${end} sur ${new Intl.NumberFormat('fr-FR').format(length)}`;
  };
}
