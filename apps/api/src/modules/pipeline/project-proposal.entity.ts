import type { ProposalStatus, Stage } from '@sillon/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// A stage change proposed by a project lead, decided by the lab manager (migration ProjectProposals).
@Entity('project_proposal')
export class ProjectProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'from_stage', type: 'varchar', length: 16 })
  fromStage!: Stage;

  @Column({ name: 'to_stage', type: 'varchar', length: 16 })
  toStage!: Stage;

  @Column({ type: 'varchar', length: 4000 })
  rationale!: string;

  @Column({ name: 'criteria_met', type: 'uuid', array: true, default: '{}' })
  criteriaMet!: string[];

  @Column({ name: 'unmet_reason', type: 'varchar', length: 2000, nullable: true })
  unmetReason!: string | null;

  @Column({ name: 'project_version', type: 'integer' })
  projectVersion!: number;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy!: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ProposalStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'varchar', length: 2000, nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'transition_id', type: 'uuid', nullable: true })
  transitionId!: string | null;

  @Column({ name: 'outcome_seen_at', type: 'timestamptz', nullable: true })
  outcomeSeenAt!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
