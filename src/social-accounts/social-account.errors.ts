import { InvalidInputError } from '../common/errors/domain-error';
import { PLATFORM_LABELS, Platform } from './platforms/platform';

/**
 * The handle is someone else's. Says nothing about who, or whether they show it: the same
 * words whatever the owner's visibility choice.
 */
export class HandleTakenError extends InvalidInputError {
  constructor(platform: Platform) {
    super(
      `That ${PLATFORM_LABELS[platform]} account is already registered in Staff Voices. ` +
        'If it is yours, ask your communications team for help.',
      'handle',
    );
  }
}

export class HandleAlreadyMineError extends InvalidInputError {
  constructor(platform: Platform) {
    super(`You have already added that ${PLATFORM_LABELS[platform]} account`, 'handle');
  }
}
