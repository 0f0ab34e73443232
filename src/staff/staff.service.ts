import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { NotFoundError } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { StaffMember } from './staff-member.entity';

export type NewStaffMember = Partial<Omit<StaffMember, 'id' | 'createdAt' | 'updatedAt'>> &
  Pick<StaffMember, 'displayName'>;

@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    private readonly transactions: TransactionRunner,
  ) {}

  /** A person the viewer may see: active (leavers vanish at once). */
  async getVisible(id: number): Promise<StaffMember> {
    const person = await this.staff.findOneBy({ id, active: true });
    if (!person) throw new NotFoundError('No such member of staff', 'id');
    return person;
  }

  findByIds(ids: readonly number[]): Promise<StaffMember[]> {
    return this.staff.findBy({ id: In([...ids]) });
  }

  create(fields: NewStaffMember, tx?: EntityManager): Promise<StaffMember> {
    const insert = (manager: EntityManager) =>
      manager.save(StaffMember, manager.create(StaffMember, fields));
    return tx ? insert(tx) : this.transactions.run(insert);
  }
}
