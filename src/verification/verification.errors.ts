import { InvalidInputError } from '../common/errors/domain-error';
import { PLATFORM_LABELS, Platform } from '../social-accounts/platforms/platform';

/** Why a verification, official-account or report request was refused (`extensions.reason`). */
export enum VerificationErrorReason {
  /** The handle is an organisation's official account: nobody registers it as their own. */
  HANDLE_OFFICIAL = 'HANDLE_OFFICIAL',
  /** The account is verified already. */
  ALREADY_VERIFIED = 'ALREADY_VERIFIED',
  /** No pending verification request for that account. */
  NO_PENDING_REQUEST = 'NO_PENDING_REQUEST',
  /** The account's owner has no organisation whose communications team could verify it. */
  NO_ORGANISATION_TO_VERIFY = 'NO_ORGANISATION_TO_VERIFY',
  /** The public profile page could not be read (timeout, too big, refused address…). */
  PROFILE_UNREADABLE = 'PROFILE_UNREADABLE',
  /** The profile page was read but shows neither the code nor a rel="me" link back. */
  PROOF_NOT_FOUND = 'PROOF_NOT_FOUND',
  /** That handle is already an official account. */
  OFFICIAL_ALREADY = 'OFFICIAL_ALREADY',
  /** A person holds that handle: reassign it (with a note) instead. */
  HANDLE_HELD = 'HANDLE_HELD',
  /** No official account with that id the viewer may manage. */
  OFFICIAL_ACCOUNT_NOT_FOUND = 'OFFICIAL_ACCOUNT_NOT_FOUND',
  /** Nobody holds that handle: there is nothing to reassign. */
  HANDLE_NOT_HELD = 'HANDLE_NOT_HELD',
  /** No report with that id the viewer may see or resolve. */
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',
  /** The report was resolved already. */
  REPORT_RESOLVED = 'REPORT_RESOLVED',
  /** Reporting one's own account. */
  REPORT_OWN_ACCOUNT = 'REPORT_OWN_ACCOUNT',
  /** A communications team verifies, moderates and reassigns for its own organisation only. */
  OUTSIDE_YOUR_ORGANISATION = 'OUTSIDE_YOUR_ORGANISATION',
  /** The URL is not a profile link any platform's handle rules accept. */
  NOT_A_PROFILE_URL = 'NOT_A_PROFILE_URL',
}

export class HandleOfficialError extends InvalidInputError {
  constructor(platform: Platform, organisationName: string) {
    super(
      VerificationErrorReason.HANDLE_OFFICIAL,
      `This is an official account of ${organisationName}. Ask its communications team.`,
      'handle',
    );
  }
}

export class OfficialAlreadyError extends InvalidInputError {
  constructor(platform: Platform) {
    super(
      VerificationErrorReason.OFFICIAL_ALREADY,
      `That ${PLATFORM_LABELS[platform]} account is already an official account`,
      'handle',
    );
  }
}
