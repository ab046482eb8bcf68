import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreateOrganisationRequest, Organisation, OrganisationListQuery, Page, UpdateOrganisationRequest } from '@sillon/contracts';
import { Observable } from 'rxjs';

const URL = '/api/v1/organisations';

@Injectable({ providedIn: 'root' })
export class OrganisationsApi {
  private readonly http = inject(HttpClient);

  list(query: OrganisationListQuery): Observable<Page<Organisation>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<Organisation>>(URL, { params });
  }

  create(request: CreateOrganisationRequest): Observable<Organisation> {
    return this.http.post<Organisation>(URL, request);
  }

  update(id: string, request: UpdateOrganisationRequest): Observable<Organisation> {
    return this.http.patch<Organisation>(`${URL}/${id}`, request);
  }
}
