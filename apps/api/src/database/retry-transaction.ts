import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { databaseErrorSummary, isRetryableDatabaseError } from '../common/database-errors';

const logger = new Logger('Transaction');

// Runs each transaction of `dataSource.manager.transaction(...)` (which `dataSource.transaction` and
// every repository's `manager.transaction` call) once more when PostgreSQL rolled it back to break a
// serialization failure (40001) or a deadlock (40P01): the second attempt usually passes, since the
// other transaction has finished. A second failure reaches the client as 503 (ProblemDetailsFilter).
//
// The callback runs again from the start on a new connection and a fresh EntityManager, so it must
// keep its state inside it (every service's does): nothing of the first attempt was written.
// A transaction inside a transaction (a savepoint) is left alone: the outer one is retried whole.
export function retryTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const retrying = async (...args: unknown[]): Promise<unknown> => {
    try {
      return await transaction(...args);
    } catch (error) {
      if (!isRetryableDatabaseError(error)) throw error;
      logger.warn({ database: databaseErrorSummary(error) }, 'transaction rolled back by PostgreSQL, run again');
      return transaction(...args);
    }
  };
  manager.transaction = retrying as EntityManager['transaction'];
}
