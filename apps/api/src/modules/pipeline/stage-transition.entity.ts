import type { ProjectStatus, Stage } from '@sillon/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { ProjectEntity } from '../projects/project.entity';

@Entity('stage_transition')
export class StageTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ name: 'from_stage', type: 'varchar', length: 16, nullable: true })
  fromStage!: Stage | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 16 })
  toStage!: Stage;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus!: ProjectStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus!: ProjectStatus;

  @Column({ type: 'varchar', length: 4000 })
  rationale!: string;

  @Column({ name: 'criteria_met', type: 'uuid', array: true, default: '{}' })
  criteriaMet!: string[];

  @Column({ name: 'criteria_unmet', type: 'jsonb', default: '[]' })
  criteriaUnmet!: { id: string; label: string }[];

  @Column({ name: 'unmet_reason', type: 'varchar', length: 2000, nullable: true })
  unmetReason!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'decided_by' })
  decider?: UserEntity | null;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
