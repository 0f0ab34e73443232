import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A department or team of an organisation.' })
@Entity('departments')
@Index(['organisationId', 'name'], { unique: true })
export class Department {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'organisation_id', type: 'integer' })
  organisationId: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;
}
