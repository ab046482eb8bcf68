import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('user_session')
export class SessionEntity {
  // SHA-256 (hex) of the cookie's token: the token itself is never stored.
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  // SHA-256 of the XSRF-TOKEN cookie issued with this session.
  @Column({ name: 'xsrf_hash', type: 'char', length: 64 })
  xsrfHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;
}
