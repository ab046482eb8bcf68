import type { CommonKind, CommonLicence } from '@sillon/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('project_common')
export class ProjectCommonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CommonKind;

  @Column({ type: 'varchar', length: 16 })
  licence!: CommonLicence;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ name: 'published_on', type: 'date' })
  publishedOn!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, default: () => 'now()' })
  updatedAt!: Date;
}
