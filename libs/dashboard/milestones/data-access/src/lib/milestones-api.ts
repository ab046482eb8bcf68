import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MAX_PAGE_SIZE, Milestone, MilestoneListQuery, MilestoneOwner, Page, ProjectPage, UpdateMilestoneRequest } from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

// The lab-wide milestones, and what their filters and edit forms offer to pick from.
@Injectable({ providedIn: 'root' })
export class MilestonesApi {
  private readonly http = inject(HttpClient);

  list(query: MilestoneListQuery): Observable<Page<Milestone>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<Milestone>>(`${API}/milestones`, { params });
  }

  update(id: string, request: UpdateMilestoneRequest): Observable<Milestone> {
    return this.http.patch<Milestone>(`${API}/milestones/${id}`, request);
  }

  owners(lab?: string): Observable<MilestoneOwner[]> {
    return this.http.get<MilestoneOwner[]>(`${API}/milestone-owners`, { params: lab ? { lab } : {} });
  }

  // The live projects within reach by name (what the project filter offers), or those one person leads.
  projects(lead?: string): Observable<ProjectPage> {
    return this.http.get<ProjectPage>(`${API}/projects`, { params: { pageSize: MAX_PAGE_SIZE, sort: 'name', ...(lead ? { lead } : {}) } });
  }
}
