// pg's query_timeout answers the caller, but the connection still waits for the statement's answer
// and queues every later statement behind it: back in the pool, it would make the next requests
// wait as long again. Such a connection is destroyed when released.
const WATCHED = Symbol('sillon.watched');
const ABANDONED = Symbol('sillon.abandoned');

interface WatchedClient {
  query(...args: unknown[]): unknown;
  [WATCHED]?: true;
  [ABANDONED]?: true;
}

// Notes, on a connection taken from a pool, when one of its statements is given up on.
export function watchQueryTimeouts(client: object): void {
  const watched = client as WatchedClient;
  if (watched[WATCHED]) return;
  watched[WATCHED] = true;
  const query = watched.query;
  watched.query = function (this: WatchedClient, ...args: unknown[]) {
    const result = query.apply(this, args);
    // Runs before the caller's own handling, so before it releases the connection.
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === 'Query read timeout') watched[ABANDONED] = true;
      });
    }
    return result;
  };
}

// The error to release a connection with (pg-pool then destroys it), when it abandoned a statement.
export function abandonedQueryError(client: object): Error | undefined {
  return (client as WatchedClient)[ABANDONED] ? new Error('a statement of this connection was abandoned (query_timeout)') : undefined;
}
