import type { PartnerRole } from '@sillon/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContactEntity } from './contact.entity';
import { OrganisationEntity } from './organisation.entity';

@Entity('project_partner')
export class ProjectPartnerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 16 })
  role!: PartnerRole;

  @Column({ type: 'date', nullable: true })
  since!: string | null;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId!: string | null;

  @ManyToOne(() => ContactEntity)
  @JoinColumn({ name: 'contact_id' })
  contact?: ContactEntity | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, default: () => 'now()' })
  createdAt!: Date;
}
