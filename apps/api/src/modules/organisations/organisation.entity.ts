import type { OrganisationType } from '@sillon/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// Timestamps and version are written by the service's SQL (conditional update on version).
@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: OrganisationType;

  @Column({ type: 'varchar', length: 14, nullable: true })
  siret!: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  department!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, default: () => 'now()' })
  updatedAt!: Date;

  // Written by PostgreSQL (the free-text search's normalised text); never read into the entity.
  @Column({
    name: 'search_text',
    type: 'text',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `immutable_unaccent(lower("name" || ' ' || coalesce("siret", '')))`,
  })
  searchText?: string | null;

  // The key an import recognised it by (migration BulkImports); null when not imported.
  @Column({ name: 'import_key', type: 'varchar', length: 500, nullable: true, insert: false, update: false })
  importKey!: string | null;
}
