// pg ships no types and @types/pg is not installed: the part of its client the bench uses.
declare module 'pg' {
  export interface QueryResult<R> {
    rows: R[];
    rowCount: number | null;
  }
  export class Client {
    constructor(config?: { connectionString?: string; application_name?: string });
    connect(): Promise<void>;
    end(): Promise<void>;
    on(event: 'error', listener: (error: Error) => void): this;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    query<R = any>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
    escapeLiteral(value: string): string;
  }
}

declare module 'pg/lib/utils' {
  // A parameter as the driver sends it: text, or null.
  export function prepareValue(value: unknown): string | null;
}
