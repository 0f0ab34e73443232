import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Department } from '../../organisations/department.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { OrganisationsService } from '../../organisations/organisations.service';
import { Site } from '../../organisations/site.entity';
import { SocialAccount } from '../../social-accounts/social-account.entity';
import { SocialAccountsService } from '../../social-accounts/social-accounts.service';
import { StaffMember } from '../../staff/staff-member.entity';
import { StaffService } from '../../staff/staff.service';
import { keyedLoader } from './keyed-loader';
import { CommunitiesLoaderFactory, CommunityLoaders } from '../../communities/communities.loader';
import { FollowLoaders, FollowsLoaderFactory } from '../../follows/follows.loader';
import { Leader } from '../../leaders/leader.entity';
import { LeadersService } from '../../leaders/leaders.service';

/** Per-request batch loaders: a page costs a fixed number of statements however many rows it shows. */
export interface Loaders {
  staffById: DataLoader<number, StaffMember | null>;
  organisationById: DataLoader<number, Organisation | null>;
  siteById: DataLoader<number, Site | null>;
  departmentById: DataLoader<number, Department | null>;
  accountsByStaffId: DataLoader<number, SocialAccount[]>;
  communities: CommunityLoaders;
  leaderByStaffId: DataLoader<number, Leader | null>;
  follows: FollowLoaders;
}

@Injectable()
export class LoadersFactory {
  constructor(
    private readonly staff: StaffService,
    private readonly organisations: OrganisationsService,
    private readonly accounts: SocialAccountsService,
    private readonly communityLoaders: CommunitiesLoaderFactory,
    private readonly leaders: LeadersService,
    private readonly followLoaders: FollowsLoaderFactory,
  ) {}

  create(): Loaders {
    return {
      staffById: keyedLoader((ids) => this.staff.findByIds(ids)),
      organisationById: keyedLoader((ids) => this.organisations.findOrganisationsByIds(ids)),
      siteById: keyedLoader((ids) => this.organisations.findSitesByIds(ids)),
      departmentById: keyedLoader((ids) => this.organisations.findDepartmentsByIds(ids)),
      accountsByStaffId: new DataLoader((ids) => this.accounts.findByStaffIds(ids)),
      communities: this.communityLoaders.create(),
      leaderByStaffId: new DataLoader((ids) => this.leaders.byStaffIds(ids)),
      follows: this.followLoaders.create(),
    };
  }
}
