import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'An NHS organisation (trust, board, ICB), identified by its ODS code.' })
@Entity('organisations')
export class Organisation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Organisation Data Service code, e.g. RJ1.' })
  @Column({ name: 'ods_code', type: 'varchar', length: 10, unique: true })
  odsCode: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** An Entra tenant whose staff all belong to this organisation. NHSmail shares one tenant, so this is optional. */
  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true })
  tenantId: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
