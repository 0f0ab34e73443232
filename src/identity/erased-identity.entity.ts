import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An identity whose record was erased, so a token issued before the erasure cannot bring the
 * person back with the old name and address; a new sign-in afterwards starts a fresh record.
 * Only a one-way hash of tenant and oid is kept, and only as long as a token can live.
 */
@Entity('erased_identities')
export class ErasedIdentity {
  @PrimaryColumn({ name: 'identity_key', type: 'varchar', length: 64 })
  identityKey: string;

  @Column({ name: 'erased_at', type: Date })
  erasedAt: Date;
}
