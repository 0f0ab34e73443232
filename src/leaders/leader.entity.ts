import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@ObjectType({ description: 'A featured leader profile: the "social CEO" page.' })
@Entity('leaders')
export class Leader {
  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Field({ description: 'e.g. Chief Executive.' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Why they are here, in their words.' })
  @Column({ type: 'text', nullable: true })
  statement: string | null;

  /** Whose list: an organisation's (its communications team curates it), or null: the national list. */
  @Column({ name: 'organisation_id', type: 'integer', nullable: true })
  organisationId: number | null;

  @Field(() => Int, { description: 'Position on the leaders page, from 1.' })
  @Column({ name: 'featured_order', type: 'integer' })
  featuredOrder: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
