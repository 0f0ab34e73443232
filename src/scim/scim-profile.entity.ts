import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface ScimEmail {
  value: string;
  type?: string;
  primary?: boolean;
}

/**
 * What Entra provisioning told us about a person beyond the staff record. Present only for people
 * SCIM has created or updated.
 */
@Entity('scim_profiles')
export class ScimProfile {
  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ name: 'given_name', type: 'varchar', length: 200, nullable: true })
  givenName: string | null;

  @Column({ name: 'family_name', type: 'varchar', length: 200, nullable: true })
  familyName: string | null;

  @Column({ type: 'simple-json', nullable: true })
  emails: ScimEmail[] | null;

  /** The enterprise extension's values as sent, even when they match nothing here. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  department: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organization: string | null;

  /** SCIM's `organization` matched an organisation: the person cannot choose another. */
  @Column({ name: 'organisation_managed', type: 'boolean', default: false })
  organisationManaged: boolean;

  /** The tenant whose provisioning made the record (SCIM_TENANT_ID): sign-in links only from it. */
  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true })
  tenantId: string | null;

  /** SCIM DELETE: the person is deactivated and gone from SCIM; data kept until erased. */
  @Column({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
