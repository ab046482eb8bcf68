import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Lab, PortfolioReport, PortfolioReportQuery, ReportExportFormat } from '@sillon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

// The query string of a report, shared by the JSON call and the download links (multi-valued
// filters repeat: ?stage=ideation&stage=prototyping).
export function reportParams(query: PortfolioReportQuery): HttpParams {
  let params = new HttpParams();
  for (const key of ['from', 'to', 'asOf', 'region'] as const) {
    const value = query[key];
    if (value) params = params.set(key, value);
  }
  for (const key of ['lab', 'stage', 'status', 'theme', 'department'] as const) {
    for (const value of query[key] ?? []) params = params.append(key, value);
  }
  return params;
}

// Plain links: the browser downloads the file under the name the server gives it.
export function exportUrl(format: ReportExportFormat, query: PortfolioReportQuery): string {
  const params = reportParams(query).toString();
  return `${API}/reports/portfolio.${format}${params ? `?${params}` : ''}`;
}

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  portfolio(query: PortfolioReportQuery): Observable<PortfolioReport> {
    return this.http.get<PortfolioReport>(`${API}/reports/portfolio`, { params: reportParams(query) });
  }

  // The labs within the caller's reach.
  labs(): Observable<Lab[]> {
    return this.http.get<Lab[]>(`${API}/labs`);
  }
}
