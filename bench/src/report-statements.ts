import type { PortfolioReportQuery } from '@sillon/contracts';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../apps/api/src/modules/auth/principal';
import { ProjectAccessPolicy } from '../../apps/api/src/modules/projects/project-access.policy';
import { ReportAccessPolicy } from '../../apps/api/src/modules/reports/report-access.policy';
import { ReportsService } from '../../apps/api/src/modules/reports/reports.service';
import { Statement } from './explain';

// The report issues a dozen statements built from a shared CTE: rather than a copy that would drift,
// the service itself runs against a connection that records each statement it sends.
export async function captureReportStatements(client: Client, principal: Principal, query: PortfolioReportQuery): Promise<Statement[]> {
  const statements: Statement[] = [];
  const query_ = async (sql: string, params: unknown[] = []) => {
    statements.push({ label: `q${statements.length + 1}`, sql, params });
    return (await client.query(sql, params)).rows;
  };
  const manager = { query: query_ };
  const dataSource = {
    query: query_,
    manager,
    // transaction(work) or transaction(isolationLevel, work): the statements are recorded either way.
    transaction: async (...args: unknown[]) => (args[args.length - 1] as (m: typeof manager) => Promise<unknown>)(manager),
  } as unknown as DataSource;
  const service = new ReportsService(dataSource, new ReportAccessPolicy(new ProjectAccessPolicy()));
  await service.report(principal, query);
  return statements;
}
