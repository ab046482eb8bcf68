import type { Health, ProjectStatus, Stage, Theme } from '@sillon/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LabEntity } from '../labs/lab.entity';
import { UserEntity } from '../users/user.entity';

// Timestamps and version are written by the service's SQL (conditional update on version),
// so they are plain columns, not TypeORM's auto-managed ones.
@Entity('project')
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @ManyToOne(() => LabEntity)
  @JoinColumn({ name: 'lab_id' })
  lab?: LabEntity;

  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 4000, default: '' })
  summary!: string;

  @Column({ type: 'varchar', length: 64, array: true, default: '{}' })
  themes!: Theme[];

  @Column({ type: 'varchar', length: 16 })
  stage!: Stage;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: ProjectStatus;

  @Column({ name: 'status_reason', type: 'varchar', length: 2000, nullable: true })
  statusReason!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'green' })
  health!: Health;

  @Column({ name: 'health_comment', type: 'varchar', length: 1000, nullable: true })
  healthComment!: string | null;

  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'lead_id' })
  lead?: UserEntity | null;

  @Column({ type: 'varchar', length: 3, array: true, default: '{}' })
  departments!: string[];

  @Column({ type: 'varchar', length: 5, array: true, default: '{}' })
  communes!: string[];

  // YYYY-MM-DD, kept as a string so that no time zone shifts it.
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic!: boolean;

  @Column({ name: 'stage_entered_at', type: 'timestamptz', default: () => 'now()' })
  stageEnteredAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  // Written by PostgreSQL (the free-text search's normalised text); never read into the entity.
  @Column({
    name: 'search_text',
    type: 'text',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `immutable_unaccent(lower("code" || ' ' || "name" || ' ' || "summary"))`,
  })
  searchText?: string | null;

  // The key an import recognised it by (migration BulkImports); null when not imported.
  @Column({ name: 'import_key', type: 'varchar', length: 500, nullable: true, insert: false, update: false })
  importKey!: string | null;
}
