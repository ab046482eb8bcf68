import type { MilestoneKind, MilestoneStatus, Stage } from '@sillon/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// Timestamps and version are written by the service's SQL (conditional update on version).
@Entity('milestone')
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  // The project's lab, copied so that the lab-wide overdue list reads one index.
  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: MilestoneKind;

  @Column({ type: 'varchar', length: 16 })
  stage!: Stage;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'planned' })
  status!: MilestoneStatus;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Column({ name: 'participant_count', type: 'integer', nullable: true })
  participantCount!: number | null;

  @Column({ name: 'evidence_url', type: 'varchar', length: 2000, nullable: true })
  evidenceUrl!: string | null;

  // Whether the project is archived: kept by triggers whoever writes (migration OpenMilestonesOfLiveProjects).
  @Column({ name: 'project_archived', type: 'boolean', default: false, insert: false, update: false })
  projectArchived!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, default: () => 'now()' })
  updatedAt!: Date;

  // The key an import recognised it by (migration BulkImports); null when not imported.
  @Column({ name: 'import_key', type: 'varchar', length: 500, nullable: true, insert: false, update: false })
  importKey!: string | null;
}
