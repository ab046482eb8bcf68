import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// A territory reusing a commons; `position` keeps the order the list was given in.
@Entity('common_reuse')
export class CommonReuseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @Column({ name: 'common_id', type: 'uuid' })
  commonId!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  territory!: string;

  @Column({ type: 'varchar', length: 3, nullable: true })
  department!: string | null;

  @Column({ type: 'date' })
  since!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;
}
