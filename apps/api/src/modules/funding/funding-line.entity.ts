import type { FundingScheme, FundingStatus } from '@sillon/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('funding_line')
export class FundingLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @Column({ name: 'funder_id', type: 'uuid', nullable: true })
  funderId!: string | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  label!: string;

  @Column({ type: 'varchar', length: 16 })
  scheme!: FundingScheme;

  // bigint arrives as a string from pg; the mapper turns it into a number (≤ 10^12 fits exactly).
  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents!: string;

  @Column({ type: 'varchar', length: 16, default: 'requested' })
  status!: FundingStatus;

  @Column({ name: 'requested_on', type: 'date', nullable: true })
  requestedOn!: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, default: () => 'now()' })
  updatedAt!: Date;
}
