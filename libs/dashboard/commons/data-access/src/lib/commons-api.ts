import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreateCommonRequest, OpenDataFeed, ProjectCommon, UpdateCommonRequest } from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

export const OPEN_DATA_JSON_URL = `${API}/open-data/projects.json`;
export const OPEN_DATA_CSV_URL = `${API}/open-data/projects.csv`;
export const OPEN_DATA_SCHEMA_URL = `${API}/open-data/schema.json`;

// The commons of a project, and the anonymous open-data feed of public projects.
@Injectable({ providedIn: 'root' })
export class CommonsApi {
  private readonly http = inject(HttpClient);

  forProject(projectId: string): Observable<ProjectCommon[]> {
    return this.http.get<ProjectCommon[]>(`${API}/projects/${projectId}/commons`);
  }

  create(projectId: string, request: CreateCommonRequest): Observable<ProjectCommon> {
    return this.http.post<ProjectCommon>(`${API}/projects/${projectId}/commons`, request);
  }

  update(id: string, request: UpdateCommonRequest): Observable<ProjectCommon> {
    return this.http.patch<ProjectCommon>(`${API}/commons/${id}`, request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${API}/commons/${id}`);
  }

  openData(): Observable<OpenDataFeed> {
    return this.http.get<OpenDataFeed>(OPEN_DATA_JSON_URL);
  }
}
