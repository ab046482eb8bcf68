import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ActivityListQuery,
  CreateActivityRequest,
  LabActivity,
  MAX_PAGE_SIZE,
  Organisation,
  Page,
  ProjectPage,
  UpdateActivityRequest,
} from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

// The query as URL parameters, leaving out what is empty.
export function activityParams(query: Omit<ActivityListQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number }): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}

// The lab's activities, and what their dialog offers to pick from.
@Injectable({ providedIn: 'root' })
export class ActivitiesApi {
  private readonly http = inject(HttpClient);

  list(query: ActivityListQuery): Observable<Page<LabActivity>> {
    return this.http.get<Page<LabActivity>>(`${API}/activities`, { params: activityParams(query) });
  }

  create(request: CreateActivityRequest): Observable<LabActivity> {
    return this.http.post<LabActivity>(`${API}/activities`, request);
  }

  update(id: string, request: UpdateActivityRequest): Observable<LabActivity> {
    return this.http.patch<LabActivity>(`${API}/activities/${id}`, request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${API}/activities/${id}`);
  }

  // The live projects within reach by name.
  projects(): Observable<ProjectPage> {
    return this.http.get<ProjectPage>(`${API}/projects`, { params: { pageSize: MAX_PAGE_SIZE, sort: 'name' } });
  }

  // The organisations within reach by name (facilitators are the activity's lab's).
  organisations(): Observable<Page<Organisation>> {
    return this.http.get<Page<Organisation>>(`${API}/organisations`, { params: { pageSize: MAX_PAGE_SIZE } });
  }
}
