import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-error';
import { Id } from '../../common/graphql/id';
import { TransactionRunner } from '../../database/transaction-runner';
import { StaffMember } from '../../staff/staff-member.entity';
import { StaffService } from '../../staff/staff.service';
import { Public } from '../auth.decorators';
import { DEV_TENANT_ID, DevTokenService } from './dev-token.service';
import { StaffErrorReason } from '../../staff/staff.errors';

export class DevSignInBody {
  @Id({ of: 'staff' })
  staffId: number;
}

const PEOPLE_TO_OFFER = 40;

/** Development only: pick a seeded person and get a token for them. Not mounted in entra mode. */
@Public()
@Controller('api/dev')
export class DevSignInController {
  constructor(
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    private readonly tokens: DevTokenService,
    private readonly transactions: TransactionRunner,
    private readonly staffService: StaffService,
  ) {}

  @Get('people')
  async people() {
    const admins = await this.staff.find({
      where: { active: true, isCommsAdmin: true },
      order: { id: 'ASC' },
      take: 5,
    });
    const others = await this.staff.find({
      where: { active: true, isCommsAdmin: false },
      order: { id: 'ASC' },
      take: PEOPLE_TO_OFFER,
    });
    return [...admins, ...others].map(({ id, displayName, jobTitle, isCommsAdmin }) => ({
      id,
      displayName,
      jobTitle,
      isCommsAdmin,
    }));
  }

  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() body: DevSignInBody) {
    const person = await this.staff.findOneBy({ id: body.staffId, active: true });
    if (!person)
      throw new NotFoundError(
        StaffErrorReason.STAFF_NOT_FOUND,
        'No active member of staff with that id',
        'staffId',
      );
    if (!person.objectId || person.tenantId !== DEV_TENANT_ID) {
      // a person provisioned but never signed in gets a development identity on first use
      const identity = { tenantId: DEV_TENANT_ID, objectId: randomUUID() };
      await this.transactions.run((tx) => this.staffService.update(tx, person.id, identity));
      Object.assign(person, identity);
    }
    return this.tokens.issue({ ...person, objectId: person.objectId! });
  }
}
