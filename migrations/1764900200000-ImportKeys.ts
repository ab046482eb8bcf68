import { MigrationInterface, QueryRunner } from 'typeorm';

// A record imported from a lab's spreadsheet keeps the key it was recognised by (the file's project
// code or normalised name, a SIRET, a milestone's project, title and date): importing the same file
// again finds it and creates nothing. One per lab, as the lab's own spreadsheet is.
const TABLES = ['project', 'milestone', 'organisation'] as const;

export class ImportKeys1764900200000 implements MigrationInterface {
  name = 'ImportKeys1764900200000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE "${table}" ADD COLUMN "import_key" varchar(500)`);
      await q.query(`CREATE UNIQUE INDEX "${table}_lab_import_key" ON "${table}" ("lab_id", "import_key") WHERE "import_key" IS NOT NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`DROP INDEX "${table}_lab_import_key"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "import_key"`);
    }
  }
}
