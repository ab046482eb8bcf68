import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateTransitionRequest,
  GateCriterion,
  NextMilestone,
  PipelineOverview,
  PipelineOverviewQuery,
  Project,
  ProjectListQuery,
  ProjectPage,
  Stage,
  StageTransition,
  TransitionResult,
} from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

// The endpoints the Pipeline board reads and writes.
@Injectable({ providedIn: 'root' })
export class PipelineApi {
  private readonly http = inject(HttpClient);

  projects(query: ProjectListQuery): Observable<ProjectPage> {
    return this.http.get<ProjectPage>(`${API}/projects`, { params: toParams({ ...query }) });
  }

  project(id: string): Observable<Project> {
    return this.http.get<Project>(`${API}/projects/${id}`);
  }

  nextMilestones(projectIds: string[]): Observable<NextMilestone[]> {
    return this.http.get<NextMilestone[]>(`${API}/pipeline/next-milestones`, { params: toParams({ project: projectIds }) });
  }

  overview(query: PipelineOverviewQuery = {}): Observable<PipelineOverview> {
    return this.http.get<PipelineOverview>(`${API}/pipeline/overview`, { params: toParams({ ...query }) });
  }

  // The checklist to leave `stage` forward.
  gateCriteria(labId: string, stage: Stage): Observable<GateCriterion[]> {
    return this.http.get<GateCriterion[]>(`${API}/labs/${labId}/gate-criteria`, { params: { stage } });
  }

  transition(projectId: string, request: CreateTransitionRequest): Observable<TransitionResult> {
    return this.http.post<TransitionResult>(`${API}/projects/${projectId}/transitions`, request);
  }

  history(projectId: string): Observable<StageTransition[]> {
    return this.http.get<StageTransition[]>(`${API}/projects/${projectId}/transitions`);
  }
}

// Lists repeat their key (?theme=a&theme=b); empty values are left out.
export function toParams(query: Record<string, unknown>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) params = params.append(key, String(item));
    } else {
      params = params.set(key, String(value));
    }
  }
  return params;
}
