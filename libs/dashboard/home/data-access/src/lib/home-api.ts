import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Milestone, Page, PipelineOverview, ProjectPage } from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

// What the Tableau de bord reads: the overview figures, the overdue milestones and the viewer's own projects.
@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);

  overview(stalledDays: number): Observable<PipelineOverview> {
    return this.http.get<PipelineOverview>(`${API}/pipeline/overview`, { params: { stalledDays } });
  }

  // Overdue first, oldest due date first.
  overdueMilestones(pageSize: number): Observable<Page<Milestone>> {
    return this.http.get<Page<Milestone>>(`${API}/milestones`, { params: { overdue: true, pageSize } });
  }

  projectsLedBy(leadId: string, pageSize: number): Observable<ProjectPage> {
    return this.http.get<ProjectPage>(`${API}/projects`, { params: { lead: leadId, status: 'active', sort: '-updatedAt', pageSize } });
  }
}
