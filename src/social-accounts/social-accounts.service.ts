import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { SocialAccount } from './social-account.entity';

@Injectable()
export class SocialAccountsService {
  constructor(
    @InjectRepository(SocialAccount) private readonly accounts: Repository<SocialAccount>,
  ) {}

  /** Every account of these people, grouped in the order of `staffIds` (for a DataLoader). */
  async findByStaffIds(staffIds: readonly number[]): Promise<SocialAccount[][]> {
    const rows = await this.accounts.find({
      where: { staffId: In([...staffIds]) },
      order: { platform: 'ASC', id: 'ASC' },
    });
    const byStaff = new Map<number, SocialAccount[]>(staffIds.map((id) => [id, []]));
    for (const row of rows) byStaff.get(row.staffId)?.push(row);
    return staffIds.map((id) => byStaff.get(id)!);
  }

  countForStaff(staffId: number): Promise<number> {
    return this.accounts.countBy({ staffId });
  }
}
