import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreateProposalRequest, DecideProposalRequest, ProjectProposal, ProposalDecisionResult, ProposalListQuery, ProposalPage } from '@sillon/contracts';
import { Observable } from 'rxjs';
import { toParams } from './pipeline-api';

const API = '/api/v1';

// Proposals of stage changes: a lead proposes, the lab manager decides, the lead acknowledges.
@Injectable({ providedIn: 'root' })
export class ProposalsApi {
  private readonly http = inject(HttpClient);

  propose(projectId: string, request: CreateProposalRequest): Observable<ProjectProposal> {
    return this.http.post<ProjectProposal>(`${API}/projects/${projectId}/proposals`, request);
  }

  list(query: ProposalListQuery): Observable<ProposalPage> {
    return this.http.get<ProposalPage>(`${API}/proposals`, { params: toParams({ ...query }) });
  }

  decide(id: string, request: DecideProposalRequest): Observable<ProposalDecisionResult> {
    return this.http.post<ProposalDecisionResult>(`${API}/proposals/${id}/decision`, request);
  }

  acknowledge(id: string): Observable<ProjectProposal> {
    return this.http.post<ProjectProposal>(`${API}/proposals/${id}/acknowledgement`, {});
  }
}
