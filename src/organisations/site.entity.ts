import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A hospital or other site of an organisation.' })
@Entity('sites')
@Index(['organisationId', 'name'], { unique: true })
export class Site {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'organisation_id', type: 'integer' })
  organisationId: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;
}
