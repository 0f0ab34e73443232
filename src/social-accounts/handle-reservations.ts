import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InvalidInputError } from '../common/errors/domain-error';
import type { Platform } from './platforms/platform';

/** Why a handle cannot be anyone's own (an organisation's official account), or null. */
export type HandleReservation = (
  tx: EntityManager,
  platform: Platform,
  handleKey: string,
) => Promise<InvalidInputError | null>;

/**
 * Handles another feature reserves (verification's official accounts): `add`, update and the
 * live preview ask here before the "taken" check, so a reserved handle is refused everywhere
 * with its own reason. Features register on construction, as with DerivedState, so
 * social-accounts needs to know nothing about them.
 */
@Injectable()
export class HandleReservations {
  private readonly checks: HandleReservation[] = [];

  register(check: HandleReservation): void {
    this.checks.push(check);
  }

  async refusal(
    tx: EntityManager,
    platform: Platform,
    handleKey: string,
  ): Promise<InvalidInputError | null> {
    for (const check of this.checks) {
      const refusal = await check(tx, platform, handleKey);
      if (refusal) return refusal;
    }
    return null;
  }
}
