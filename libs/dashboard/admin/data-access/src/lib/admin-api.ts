import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateLabRequest,
  CreateRegionRequest,
  CreateUserRequest,
  GateCriterion,
  Lab,
  Page,
  Region,
  ReplaceGateCriteriaRequest,
  Stage,
  UpdateLabRequest,
  UpdateRegionRequest,
  UpdateUserRequest,
  User,
  UserListQuery,
} from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

// Accounts, labs, regions and gate criteria: what the Administration page reads and writes.
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(query: UserListQuery): Observable<Page<User>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<User>>(`${API}/users`, { params });
  }

  createUser(request: CreateUserRequest): Observable<User> {
    return this.http.post<User>(`${API}/users`, request);
  }

  updateUser(id: string, request: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`${API}/users/${id}`, request);
  }

  labs(): Observable<Lab[]> {
    return this.http.get<Lab[]>(`${API}/labs`);
  }

  createLab(request: CreateLabRequest): Observable<Lab> {
    return this.http.post<Lab>(`${API}/labs`, request);
  }

  updateLab(id: string, request: UpdateLabRequest): Observable<Lab> {
    return this.http.patch<Lab>(`${API}/labs/${id}`, request);
  }

  regions(): Observable<Region[]> {
    return this.http.get<Region[]>(`${API}/regions`);
  }

  createRegion(request: CreateRegionRequest): Observable<Region> {
    return this.http.post<Region>(`${API}/regions`, request);
  }

  updateRegion(id: string, request: UpdateRegionRequest): Observable<Region> {
    return this.http.patch<Region>(`${API}/regions/${id}`, request);
  }

  gateCriteria(labId: string): Observable<GateCriterion[]> {
    return this.http.get<GateCriterion[]>(`${API}/labs/${labId}/gate-criteria`);
  }

  replaceGateCriteria(labId: string, stage: Stage, request: ReplaceGateCriteriaRequest): Observable<GateCriterion[]> {
    return this.http.put<GateCriterion[]>(`${API}/labs/${labId}/gate-criteria/${stage}`, request);
  }
}
