import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

type LinkState = 'up' | 'reset' | 'silent';

// A TCP relay between an API and its database server, which a test can break the way a network
// breaks, without stopping the server that other test files share:
// - reset(): every connection is reset, and every new one too (a server gone, a firewall refusing);
// - silence(): nothing passes any more, either way, and nothing is closed (a cable pulled, a
//   partition: the API's statements and new connections wait for an answer that never comes);
// - restore(): the connections held by the silence are closed, new ones reach the server again.
export class DatabaseLink {
  private state: LinkState = 'up';
  private readonly pairs = new Set<{ client: Socket; server?: Socket }>();

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  // A link to the server of `databaseUrl` (host and port; not a unix socket).
  static async open(databaseUrl: string): Promise<DatabaseLink> {
    const target = new URL(databaseUrl);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new DatabaseLink(server, target);
  }

  // `databaseUrl` through this link.
  get url(): string {
    const url = new URL(this.target.toString());
    url.hostname = '127.0.0.1';
    url.port = String((this.server.address() as AddressInfo).port);
    return url.toString();
  }

  reset(): void {
    this.state = 'reset';
    for (const pair of this.pairs) this.drop(pair);
  }

  silence(): void {
    this.state = 'silent';
    for (const { client, server } of this.pairs) {
      client.unpipe();
      server?.unpipe();
      client.pause();
      server?.pause();
    }
  }

  restore(): void {
    for (const pair of this.pairs) this.drop(pair);
    this.state = 'up';
  }

  async close(): Promise<void> {
    this.reset();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const pair: { client: Socket; server?: Socket } = { client };
    this.pairs.add(pair);
    client.on('error', () => this.drop(pair));
    client.on('close', () => this.drop(pair));
    if (this.state === 'reset') return this.drop(pair);
    if (this.state === 'silent') {
      client.pause();
      return;
    }
    const server = connect(Number(this.target.port || 5432), this.target.hostname);
    pair.server = server;
    server.on('error', () => this.drop(pair));
    server.on('close', () => this.drop(pair));
    client.pipe(server);
    server.pipe(client);
  }

  private drop(pair: { client: Socket; server?: Socket }): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.resetAndDestroy();
    pair.server?.destroy();
  }
}
