import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ImportAnalysis, ImportKind, ImportMapping, ImportReport } from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1/imports';

// Moving a lab's spreadsheet in: each call sends the file again (multipart), the server keeps nothing between steps.
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  analyse(kind: ImportKind, file: File): Observable<ImportAnalysis> {
    return this.http.post<ImportAnalysis>(`${API}/analyse`, this.form(kind, file));
  }

  dryRun(kind: ImportKind, file: File, mapping: ImportMapping): Observable<ImportReport> {
    return this.http.post<ImportReport>(`${API}/dry-run`, this.form(kind, file, mapping));
  }

  run(kind: ImportKind, file: File, mapping: ImportMapping): Observable<ImportReport> {
    return this.http.post<ImportReport>(API, this.form(kind, file, mapping));
  }

  private form(kind: ImportKind, file: File, mapping?: ImportMapping): FormData {
    const form = new FormData();
    form.set('kind', kind);
    if (mapping) form.set('mapping', JSON.stringify(mapping));
    form.set('file', file, file.name);
    return form;
  }
}
