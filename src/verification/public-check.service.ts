import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/errors/domain-error';
import { OrganisationsService } from '../organisations/organisations.service';
import { Platform } from '../social-accounts/platforms/platform';
import { AccountVisibility } from '../social-accounts/social-account.entity';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { StaffService } from '../staff/staff.service';
import { OfficialAccountsService } from './official-accounts.service';
import { profileKeysOf } from './profile-url';
import { VerificationErrorReason } from './verification.errors';
import { VerificationService } from './verification.service';

export type PublicCheck =
  | {
      status: 'OFFICIAL';
      platform: Platform;
      handle: string;
      url: string;
      organisation: { name: string; odsCode: string };
      verification: { method: 'ORGANISATION_COMMS_TEAM'; verifiedAt: string };
    }
  | {
      status: 'VERIFIED_STAFF';
      platform: Platform;
      handle: string;
      url: string;
      person: { name: string; jobTitle: string | null; organisation: string | null };
      verification: { method: 'COMMS_TEAM'; proof: string | null; verifiedAt: string };
    }
  | { status: 'UNKNOWN' };

/** The one answer for anything we may not vouch for: unknown, unverified or hidden alike. */
const UNKNOWN: PublicCheck = Object.freeze({ status: 'UNKNOWN' });

/**
 * "Is this account an official trust account, or a verified member of NHS staff?" — for anyone,
 * signed in or not. It vouches only for what its owner chose to show NHS-wide.
 */
@Injectable()
export class PublicCheckService {
  constructor(
    private readonly official: OfficialAccountsService,
    private readonly accounts: SocialAccountsService,
    private readonly staff: StaffService,
    private readonly organisations: OrganisationsService,
    private readonly verification: VerificationService,
  ) {}

  async check(url: string, platform?: Platform): Promise<PublicCheck> {
    const keys = profileKeysOf(url, platform);
    if (keys.length === 0) {
      throw new InvalidInputError(
        VerificationErrorReason.NOT_A_PROFILE_URL,
        'url is not a profile link of a platform Staff Voices knows',
        'url',
      );
    }
    const [official] = await this.official.findByHandleKeys(keys);
    if (official) {
      const [organisation] = await this.organisations.findOrganisationsByIds([
        official.organisationId,
      ]);
      return {
        status: 'OFFICIAL',
        platform: official.platform,
        handle: official.handle,
        url: official.url,
        organisation: { name: organisation.name, odsCode: organisation.odsCode },
        verification: {
          method: 'ORGANISATION_COMMS_TEAM',
          verifiedAt: official.createdAt.toISOString(),
        },
      };
    }
    for (const account of await this.accounts.findByAnyHandleKey(keys)) {
      if (account.visibility !== AccountVisibility.NHS_DIRECTORY) continue;
      const decision = await this.verification.verifiedDecision(account);
      if (!decision?.decidedAt) continue;
      const [owner] = await this.staff.findByIds([account.staffId]);
      if (!owner || !owner.active || !owner.listed) continue;
      const [organisation] = owner.organisationId
        ? await this.organisations.findOrganisationsByIds([owner.organisationId])
        : [];
      return {
        status: 'VERIFIED_STAFF',
        platform: account.platform,
        handle: account.handle,
        url: account.url,
        person: {
          name: owner.displayName,
          jobTitle: owner.jobTitle,
          organisation: organisation?.name ?? null,
        },
        verification: {
          method: 'COMMS_TEAM',
          proof: decision.proofMethod,
          verifiedAt: decision.decidedAt.toISOString(),
        },
      };
    }
    return UNKNOWN;
  }
}
