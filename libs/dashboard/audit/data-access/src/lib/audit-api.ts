import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AuditPage, AuditQuery, Page, User } from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  events(query: AuditQuery): Observable<AuditPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return this.http.get<AuditPage>(`${API}/audit`, { params });
  }

  // The lab's people, active or not: who may appear in its journal.
  people(): Observable<Page<User>> {
    return this.http.get<Page<User>>(`${API}/users`, { params: { pageSize: 200, sort: 'displayName' } });
  }
}
