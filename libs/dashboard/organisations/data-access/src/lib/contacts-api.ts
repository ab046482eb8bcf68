import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Contact, ContactErasureResult, ContactExport, CreateContactRequest, Organisation, Page, UpdateContactRequest } from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

// One organisation and the people to talk to there (personal data: GDPR export and erasure).
@Injectable({ providedIn: 'root' })
export class ContactsApi {
  private readonly http = inject(HttpClient);

  organisation(id: string): Observable<Organisation> {
    return this.http.get<Organisation>(`${API}/organisations/${id}`);
  }

  contacts(organisationId: string): Observable<Page<Contact>> {
    return this.http.get<Page<Contact>>(`${API}/contacts`, { params: { organisation: organisationId, pageSize: 200 } });
  }

  create(request: CreateContactRequest): Observable<Contact> {
    return this.http.post<Contact>(`${API}/contacts`, request);
  }

  update(id: string, request: UpdateContactRequest): Observable<Contact> {
    return this.http.patch<Contact>(`${API}/contacts/${id}`, request);
  }

  export(id: string): Observable<ContactExport> {
    return this.http.get<ContactExport>(`${API}/contacts/${id}/export`);
  }

  erase(id: string): Observable<ContactErasureResult> {
    return this.http.delete<ContactErasureResult>(`${API}/contacts/${id}/erasure`);
  }
}
