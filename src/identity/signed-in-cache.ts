import { Injectable } from '@nestjs/common';
import { InstanceBroadcast } from '../common/redis/instance-broadcast';
import { DerivedState } from '../database/derived-state';
import { afterCommit } from '../database/transaction-runner';
import '../guidance/guidance.changes';
import { StaffMember } from '../staff/staff-member.entity';
import '../staff/staff.changes';
import { AuthenticatedUser } from './authenticated-user';

/**
 * How long a verified token's person is reused without asking again. Evictions reach every
 * instance at once (through Redis); this bounds how long one that cannot reach them, because the
 * instance that made the change could not publish it, keeps the person as they were.
 */
export const SIGNED_IN_TTL_MS = 5_000;

/** Tokens remembered at once; past this the oldest goes first. */
export const SIGNED_IN_MAX_TOKENS = 10_000;

/** The channel on which every instance tells the others whom to evict. */
export const SIGNED_IN_EVICTIONS = 'signed-in-evictions';

/** Who to evict: these people, or everyone. */
type Eviction = { staffIds: number[] } | { everyone: true };

interface Entry {
  user: AuthenticatedUser;
  /** The earlier of SIGNED_IN_TTL_MS from when it was verified and the token's own expiry. */
  until: number;
}

/**
 * The person each recently verified bearer token signed in, so an ordinary request costs no
 * signature check and no identity lookup: keyed by the whole token, so a token is reused only
 * exactly as it was verified, and its roles are the ones it carries.
 *
 * What could make a remembered person wrong is evicted where the app changes it: every write of
 * a person's row (StaffService touches 'staff': deactivation by SCIM or as a leaver, erasure, a
 * confirmed organisation, a role seen in a token, their profile) evicts them once the
 * transaction commits, and a publication of guidance (which re-evaluates `listed` for a whole
 * organisation) evicts everyone. A person read before an eviction is not remembered after it
 * (`generation`): nothing read before the commit outlives it.
 *
 * With several instances (REDIS_URL) each eviction is also published once the transaction
 * commits, and every instance evicts the same people when it hears it; while this instance's
 * subscription is down it could miss one, so it remembers no one until it hears again.
 */
@Injectable()
export class SignedInCache {
  private readonly entries = new Map<string, Entry>();
  private readonly tokensOf = new Map<number, Set<string>>();
  /** Counts evictions: read it before verifying a token, hand it back to `remember`. */
  generation = 0;

  /** False while other instances' evictions might not reach this one: then nothing is kept. */
  private hearing: boolean;

  constructor(
    derived: DerivedState,
    private readonly broadcast: InstanceBroadcast,
  ) {
    this.hearing = !broadcast.shared;
    derived.on('staff', 'signed-in cache', async (tx, changes) => {
      const staffIds = [...new Set(changes.map((change) => change.staffId))];
      this.evict(staffIds);
      afterCommit(tx, () => this.evictEverywhere({ staffIds }));
    });
    derived.on('guidance', 'signed-in cache', async (tx) => {
      this.clear();
      afterCommit(tx, () => this.evictEverywhere({ everyone: true }));
    });
    broadcast.listen<Eviction>(SIGNED_IN_EVICTIONS, {
      message: (eviction) => this.apply(eviction),
      hearing: () => {
        this.hearing = true;
        this.clear(); // evictions published while it was not hearing are lost
      },
      missing: () => {
        this.hearing = false;
        this.clear();
      },
    });
  }

  /** A copy of the person this token signed in, while fresh; the request may change its copy. */
  get(token: string, now = Date.now()): AuthenticatedUser | undefined {
    if (!this.hearing) return undefined;
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.forget(token, entry);
      return undefined;
    }
    const { user } = entry;
    return { ...user, roles: [...user.roles], staff: copyOf(user.staff) };
  }

  /** Keeps what a token signed in, unless something was evicted since `generation` was read. */
  remember(token: string, user: AuthenticatedUser, generation: number, now = Date.now()): void {
    if (generation !== this.generation || !this.hearing) return;
    const expiresAt = tokenExpiry(token);
    const until = Math.min(now + SIGNED_IN_TTL_MS, expiresAt ?? now);
    if (until <= now) return;
    const previous = this.entries.get(token);
    if (previous) this.forget(token, previous);
    if (this.entries.size >= SIGNED_IN_MAX_TOKENS) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Entry];
      this.forget(oldest, entry);
    }
    const kept = { ...user, roles: [...user.roles], staff: copyOf(user.staff) };
    this.entries.set(token, { user: kept, until });
    const tokens = this.tokensOf.get(user.staff.id) ?? new Set<string>();
    tokens.add(token);
    this.tokensOf.set(user.staff.id, tokens);
  }

  evict(staffIds: readonly number[]): void {
    this.generation += 1;
    for (const id of staffIds) {
      for (const token of this.tokensOf.get(id) ?? []) this.entries.delete(token);
      this.tokensOf.delete(id);
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.tokensOf.clear();
  }

  /** Evicts here at once, and on every other instance once they hear it. */
  private evictEverywhere(eviction: Eviction): void {
    this.apply(eviction);
    if (this.broadcast.shared) void this.broadcast.publish(SIGNED_IN_EVICTIONS, eviction);
  }

  /** A message it cannot read (another release's, say) evicts everyone: never too few. */
  private apply(eviction: Eviction): void {
    const staffIds = (eviction as { staffIds?: unknown } | null)?.staffIds;
    if (Array.isArray(staffIds) && staffIds.every(Number.isSafeInteger)) {
      this.evict(staffIds as number[]);
    } else this.clear();
  }

  private forget(token: string, entry: Entry): void {
    this.entries.delete(token);
    const tokens = this.tokensOf.get(entry.user.staff.id);
    tokens?.delete(token);
    if (tokens?.size === 0) this.tokensOf.delete(entry.user.staff.id);
  }
}

function copyOf(staff: StaffMember): StaffMember {
  return Object.assign(Object.create(Object.getPrototypeOf(staff) as object) as StaffMember, staff);
}

/** The `exp` of a token already verified, in ms; undefined when it has none it could say. */
function tokenExpiry(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
