import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AuditPage,
  Contact,
  CreateFundingLineRequest,
  CreateMilestoneRequest,
  CreatePartnerRequest,
  CreateProjectRequest,
  CreateTransitionRequest,
  FundingLine,
  IDEMPOTENCY_KEY_HEADER,
  Lab,
  Milestone,
  MilestoneOwner,
  Organisation,
  Page,
  Project,
  ProjectFunding,
  ProjectListQuery,
  ProjectPage,
  ProjectPartner,
  StageTransition,
  TransitionResult,
  UpdateFundingLineRequest,
  UpdateMilestoneRequest,
  UpdateProjectRequest,
  User,
} from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

// Every record of a project and around it, as the portfolio API serves it.
@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  list(query: ProjectListQuery): Observable<ProjectPage> {
    return this.http.get<ProjectPage>(`${API}/projects`, { params: toParams(query) });
  }

  get(id: string): Observable<Project> {
    return this.http.get<Project>(`${API}/projects/${id}`);
  }

  create(request: CreateProjectRequest): Observable<Project> {
    return this.http.post<Project>(`${API}/projects`, request);
  }

  update(id: string, request: UpdateProjectRequest): Observable<Project> {
    return this.http.patch<Project>(`${API}/projects/${id}`, request);
  }

  // Archives (DELETE): the record stays, out of the lists.
  archive(id: string): Observable<Project> {
    return this.http.delete<Project>(`${API}/projects/${id}`);
  }

  restore(id: string, version: number): Observable<Project> {
    return this.http.post<Project>(`${API}/projects/${id}/restore`, { version });
  }

  // A status change (pause, resume, stop, scaled) is a transition with its rationale.
  transition(id: string, request: CreateTransitionRequest): Observable<TransitionResult> {
    return this.http.post<TransitionResult>(`${API}/projects/${id}/transitions`, request);
  }

  transitions(id: string): Observable<StageTransition[]> {
    return this.http.get<StageTransition[]>(`${API}/projects/${id}/transitions`);
  }

  milestones(id: string): Observable<Page<Milestone>> {
    return this.http.get<Page<Milestone>>(`${API}/projects/${id}/milestones`, { params: { pageSize: 200 } });
  }

  // The key makes a retry of the same submission answer the first milestone instead of creating another.
  createMilestone(projectId: string, request: CreateMilestoneRequest, idempotencyKey: string): Observable<Milestone> {
    return this.http.post<Milestone>(`${API}/projects/${projectId}/milestones`, request, {
      headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
    });
  }

  updateMilestone(id: string, request: UpdateMilestoneRequest): Observable<Milestone> {
    return this.http.patch<Milestone>(`${API}/milestones/${id}`, request);
  }

  partners(id: string): Observable<ProjectPartner[]> {
    return this.http.get<ProjectPartner[]>(`${API}/projects/${id}/partners`);
  }

  addPartner(projectId: string, request: CreatePartnerRequest): Observable<ProjectPartner> {
    return this.http.post<ProjectPartner>(`${API}/projects/${projectId}/partners`, request);
  }

  removePartner(projectId: string, partnerId: string): Observable<void> {
    return this.http.delete<void>(`${API}/projects/${projectId}/partners/${partnerId}`);
  }

  funding(id: string): Observable<ProjectFunding> {
    return this.http.get<ProjectFunding>(`${API}/projects/${id}/funding`);
  }

  addFunding(projectId: string, request: CreateFundingLineRequest): Observable<FundingLine> {
    return this.http.post<FundingLine>(`${API}/projects/${projectId}/funding`, request);
  }

  updateFunding(id: string, request: UpdateFundingLineRequest): Observable<FundingLine> {
    return this.http.patch<FundingLine>(`${API}/funding/${id}`, request);
  }

  // Organisations of the caller's lab whose name or SIRET contains `q` (partners, funders).
  organisations(q: string): Observable<Page<Organisation>> {
    return this.http.get<Page<Organisation>>(`${API}/organisations`, { params: { q, pageSize: 20 } });
  }

  // The people to talk to at an organisation.
  contacts(organisationId: string): Observable<Page<Contact>> {
    return this.http.get<Page<Contact>>(`${API}/contacts`, { params: { organisation: organisationId, pageSize: 200 } });
  }

  audit(projectId: string): Observable<AuditPage> {
    return this.http.get<AuditPage>(`${API}/audit`, { params: { entity: 'project', entityId: projectId, pageSize: 100 } });
  }

  // The people of a lab who may own a milestone (names only: every member of the lab may ask).
  milestoneOwners(labId: string): Observable<MilestoneOwner[]> {
    return this.http.get<MilestoneOwner[]>(`${API}/milestone-owners`, { params: { lab: labId } });
  }

  // Lab managers only: the people of their lab who may lead a project.
  leads(): Observable<Page<User>> {
    return this.http.get<Page<User>>(`${API}/users`, { params: { active: true, pageSize: 200, sort: 'displayName' } });
  }

  labs(): Observable<Lab[]> {
    return this.http.get<Lab[]>(`${API}/labs`);
  }
}

function toParams(query: ProjectListQuery): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params = params.append(key, String(item));
  }
  return params;
}
