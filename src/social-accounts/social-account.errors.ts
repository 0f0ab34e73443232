import { InvalidInputError } from '../common/errors/domain-error';
import { PLATFORM_LABELS, Platform } from './platforms/platform';

/** Why a social account request was refused (`extensions.reason`). */
export enum SocialAccountErrorReason {
  /** Someone else registered that handle (whether or not they show it). */
  HANDLE_TAKEN = 'HANDLE_TAKEN',
  /** The person already registered that handle. */
  HANDLE_ALREADY_MINE = 'HANDLE_ALREADY_MINE',
  /** Not a valid handle or profile link for the platform (the message says why). */
  INVALID_HANDLE = 'INVALID_HANDLE',
  /** The per-person limit of accounts is reached. */
  TOO_MANY_ACCOUNTS = 'TOO_MANY_ACCOUNTS',
  /** No account of the person's with that id. */
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
}

/**
 * The handle is someone else's. Says nothing about who, or whether they show it: the same
 * words whatever the owner's visibility choice.
 */
export class HandleTakenError extends InvalidInputError {
  constructor(platform: Platform) {
    super(
      SocialAccountErrorReason.HANDLE_TAKEN,
      `That ${PLATFORM_LABELS[platform]} account is already registered in Staff Voices. ` +
        'If it is yours, ask your communications team for help.',
      'handle',
    );
  }
}

export class HandleAlreadyMineError extends InvalidInputError {
  constructor(platform: Platform) {
    super(
      SocialAccountErrorReason.HANDLE_ALREADY_MINE,
      `You have already added that ${PLATFORM_LABELS[platform]} account`,
      'handle',
    );
  }
}
