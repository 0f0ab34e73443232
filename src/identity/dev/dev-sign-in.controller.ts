import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { FindOptionsWhere, ILike, IsNull, Repository } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-error';
import { Id } from '../../common/graphql/id';
import { TransactionRunner } from '../../database/transaction-runner';
import { Organisation } from '../../organisations/organisation.entity';
import { StaffMember } from '../../staff/staff-member.entity';
import { StaffService } from '../../staff/staff.service';
import { Public } from '../auth.decorators';
import { DEV_TENANT_ID, DevTokenService } from './dev-token.service';
import { StaffErrorReason } from '../../staff/staff.errors';

export class DevSignInBody {
  @Id({ of: 'staff' })
  staffId: number;
}

export class DevPeopleQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

/** Offered without a search: a few from each organisation, so every organisation can be tried. */
const ADMINS_TO_OFFER = 10;
const PEOPLE_PER_ORGANISATION = 8;
const SEARCH_RESULTS = 50;

/** Development only: pick a seeded person and get a token for them. Not mounted in entra mode. */
@Public()
@Controller('api/dev')
export class DevSignInController {
  constructor(
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly tokens: DevTokenService,
    private readonly transactions: TransactionRunner,
    private readonly staffService: StaffService,
  ) {}

  /**
   * People to sign in as: communications team members first, then a few from every organisation
   * (and some with none); with `search`, everyone whose name or job title contains it.
   */
  @Get('people')
  async people(@Query() query: DevPeopleQuery) {
    const organisations = await this.organisations.find({ order: { name: 'ASC' } });
    const search = query.search?.trim();
    const people = search
      ? await this.matching(search)
      : await this.sample(organisations.map((organisation) => organisation.id));
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    return people.map(
      ({ id, displayName, jobTitle, isCommsAdmin, isNationalAdmin, organisationId }) => ({
        id,
        displayName,
        jobTitle,
        isCommsAdmin,
        isNationalAdmin,
        organisationName: organisationId ? (names.get(organisationId) ?? null) : null,
      }),
    );
  }

  private matching(search: string): Promise<StaffMember[]> {
    const pattern = `%${search.replace(/[\\%_]/g, '')}%`;
    return this.staff.find({
      where: [
        { active: true, displayName: ILike(pattern) },
        { active: true, jobTitle: ILike(pattern) },
      ],
      order: { isCommsAdmin: 'DESC', displayName: 'ASC' },
      take: SEARCH_RESULTS,
    });
  }

  private async sample(organisationIds: number[]): Promise<StaffMember[]> {
    const staff = (where: FindOptionsWhere<StaffMember>, take: number) =>
      this.staff.find({ where: { active: true, ...where }, order: { id: 'ASC' }, take });
    const admins = [
      ...(await staff({ isNationalAdmin: true }, ADMINS_TO_OFFER)),
      ...(await staff({ isCommsAdmin: true, isNationalAdmin: false }, ADMINS_TO_OFFER)),
    ];
    const groups = [];
    for (const organisationId of [...organisationIds, null]) {
      groups.push(
        await staff(
          {
            isCommsAdmin: false,
            isNationalAdmin: false,
            organisationId: organisationId ?? IsNull(),
          },
          PEOPLE_PER_ORGANISATION,
        ),
      );
    }
    return [...admins, ...groups.flat()];
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
