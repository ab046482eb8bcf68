import type { EmbeddedPostgres } from '../../../../apps/api/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { sillonEmbedded?: EmbeddedPostgres }).sillonEmbedded?.stop();
}
