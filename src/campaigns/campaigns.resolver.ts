import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { CurrentUser } from '../identity/auth.decorators';
import { Organisation } from '../organisations/organisation.entity';
import { Campaign } from './campaign.entity';
import { CampaignsService } from './campaigns.service';
import {
  CampaignArgs,
  CampaignConnection,
  CampaignIdInput,
  CampaignPayload,
  CampaignsArgs,
  CreateCampaignInput,
  UpdateCampaignInput,
} from './dto/campaign.inputs';

@Resolver(() => Campaign)
export class CampaignsResolver {
  constructor(private readonly service: CampaignsService) {}

  @Query(() => CampaignConnection, {
    description: 'Campaigns the viewer may see (NHS-wide and their organisation’s), newest first.',
  })
  campaigns(@CurrentUser() user: AuthenticatedUser, @Args() args: CampaignsArgs) {
    return this.service.list(user, args.first, args.after);
  }

  @Query(() => Campaign, { description: 'One campaign the viewer may see.' })
  campaign(@CurrentUser() user: AuthenticatedUser, @Args() args: CampaignArgs) {
    return this.service.get(user, args.id);
  }

  @Mutation(() => CampaignPayload, {
    description:
      'Create a campaign: my organisation’s (Comms.Admin) or NHS-wide (Comms.NationalAdmin).',
  })
  async createCampaign(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CreateCampaignInput,
  ): Promise<CampaignPayload> {
    return { campaign: await this.service.create(user, input) };
  }

  @Mutation(() => CampaignPayload, {
    description:
      'Correct a campaign’s name, hashtag or dates: its own communications team (Comms.Admin), ' +
      'or the national team for an NHS-wide one. Audited.',
  })
  async updateCampaign(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: UpdateCampaignInput,
  ): Promise<CampaignPayload> {
    return { campaign: await this.service.update(user, input) };
  }

  @Mutation(() => CampaignPayload, { description: 'Take part in a campaign I may see.' })
  async joinCampaign(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CampaignIdInput,
  ): Promise<CampaignPayload> {
    return { campaign: await this.service.join(user, input.campaignId) };
  }

  @Mutation(() => CampaignPayload, { description: 'Stop taking part in a campaign.' })
  async leaveCampaign(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CampaignIdInput,
  ): Promise<CampaignPayload> {
    return { campaign: await this.service.leave(user, input.campaignId) };
  }

  @ResolveField(() => Boolean, { description: 'NHS-wide rather than one organisation’s.' })
  nhsWide(campaign: Campaign): boolean {
    return campaign.organisationId === null;
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The organisation whose campaign it is; null when NHS-wide.',
  })
  organisation(campaign: Campaign, _args: unknown, { loaders }: GraphQLContext) {
    return campaign.organisationId ? loaders.organisationById.load(campaign.organisationId) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer takes part.' })
  joined(
    @Parent() campaign: Campaign,
    @CurrentUser() user: AuthenticatedUser,
    @Context() { loaders }: GraphQLContext,
  ): Promise<boolean> {
    return loaders.campaigns.joinedBy(user.staff.id).load(campaign.id);
  }

  @ResolveField(() => Int, { description: 'How many people take part.' })
  participantCount(
    @Parent() campaign: Campaign,
    @Context() { loaders }: GraphQLContext,
  ): Promise<number> {
    return loaders.campaigns.participantCount.load(campaign.id);
  }
}
