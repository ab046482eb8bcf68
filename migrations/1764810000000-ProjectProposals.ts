import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'co_design', 'ideation', 'prototyping', 'incubation', 'scale_up'`;
const API_ROLE = 'sillon_api';

// A stage change a project lead may not decide alone (forward with unmet criteria, over a stage, or
// back) is proposed to the lab manager, who accepts it (the transition is then recorded in the same
// transaction) or refuses it with a note. A lab's row: lab_id, the API's rights and the lab wall of
// the other lab tables (migration DatabaseWall).
export class ProjectProposals1764810000000 implements MigrationInterface {
  name = 'ProjectProposals1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "project_proposal" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "project_id" uuid NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
      "from_stage" varchar(16) NOT NULL CHECK ("from_stage" IN (${STAGES})),
      "to_stage" varchar(16) NOT NULL CHECK ("to_stage" IN (${STAGES})),
      "rationale" varchar(4000) NOT NULL,
      "criteria_met" uuid[] NOT NULL DEFAULT '{}',
      "unmet_reason" varchar(2000),
      -- The project's version the lead saw.
      "project_version" integer NOT NULL,
      "proposed_by" uuid NOT NULL REFERENCES "app_user" ("id"),
      "proposed_at" timestamptz NOT NULL DEFAULT now(),
      "status" varchar(16) NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'accepted', 'refused')),
      "decided_by" uuid REFERENCES "app_user" ("id"),
      "decided_at" timestamptz,
      "decision_note" varchar(2000),
      "transition_id" uuid REFERENCES "stage_transition" ("id"),
      "outcome_seen_at" timestamptz,
      "version" integer NOT NULL DEFAULT 1,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "project_proposal_move_check" CHECK ("from_stage" <> "to_stage"),
      CONSTRAINT "project_proposal_decision_check" CHECK (("status" = 'pending') = ("decided_at" IS NULL)),
      CONSTRAINT "project_proposal_refusal_note_check" CHECK ("status" <> 'refused' OR "decision_note" IS NOT NULL)
    )`);
    // One open proposal per project: a second waits for the first to be decided.
    await q.query(`CREATE UNIQUE INDEX "project_proposal_pending_key" ON "project_proposal" ("project_id") WHERE "status" = 'pending'`);
    await q.query(`CREATE INDEX "project_proposal_lab_idx" ON "project_proposal" ("lab_id", "status", "proposed_at" DESC)`);
    await q.query(`CREATE INDEX "project_proposal_proposer_idx" ON "project_proposal" ("proposed_by", "proposed_at" DESC)`);
    await q.query(`CREATE INDEX "project_proposal_project_idx" ON "project_proposal" ("project_id", "proposed_at" DESC)`);

    // Written and decided, never deleted (a project goes with its proposals).
    await q.query(`REVOKE ALL ON "project_proposal" FROM ${API_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON "project_proposal" TO ${API_ROLE}`);
    await q.query(`ALTER TABLE "project_proposal" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY lab_scope ON "project_proposal" USING (lab_id = ANY ((SELECT sillon_visible_labs())::uuid[]))
      WITH CHECK (lab_id = ANY ((SELECT sillon_visible_labs())::uuid[]))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "project_proposal"`);
  }
}
