/**
 * Every rate limit: a budget of requests per window, per key (a person or a client address),
 * each set by `RATE_LIMIT_<NAME>=<requests>/<seconds>` (e.g. RATE_LIMIT_PER_PERSON=600/60).
 * A feature that needs a tighter limit adds a policy here and puts @RateLimit('name') on its
 * resolver or route.
 */
export const RATE_LIMIT_POLICIES = {
  /** Every request to /graphql, /api and /scim from one client address, before anything else. */
  perAddress: { env: 'RATE_LIMIT_PER_ADDRESS', points: 1200, durationSeconds: 60 },
  /** Each request of a signed-in person (a GraphQL request counts once, whatever it holds). */
  perPerson: { env: 'RATE_LIMIT_PER_PERSON', points: 600, durationSeconds: 60 },
  /** Each request to a public route with nobody signed in, per address. */
  unauthenticated: { env: 'RATE_LIMIT_UNAUTHENTICATED', points: 120, durationSeconds: 60 },
  /** SCIM provisioning (Entra ID), per address: instead of the unauthenticated budget. */
  scim: { env: 'RATE_LIMIT_SCIM', points: 1200, durationSeconds: 60 },
  /** Wrong SCIM bearer tokens per address; past it, every SCIM request from there is refused. */
  scimAuthFailures: { env: 'RATE_LIMIT_SCIM_AUTH_FAILURES', points: 10, durationSeconds: 900 },
  /** addSocialAccount / updateSocialAccount, which answer "handle taken": an oracle of hidden handles. */
  handleClaims: { env: 'RATE_LIMIT_HANDLE_CLAIMS', points: 30, durationSeconds: 900 },
  /** socialHandlePreview, asked as someone types. */
  handlePreviews: { env: 'RATE_LIMIT_HANDLE_PREVIEWS', points: 120, durationSeconds: 60 },
  /** GET /api/verify, the public "is this NHS staff?" check, per address. */
  publicVerify: { env: 'RATE_LIMIT_PUBLIC_VERIFY', points: 60, durationSeconds: 60 },
  /** checkVerificationProof, which fetches a page from the platform, per person. */
  proofChecks: { env: 'RATE_LIMIT_PROOF_CHECKS', points: 10, durationSeconds: 300 },
  /** reportListing, per person. */
  listingReports: { env: 'RATE_LIMIT_LISTING_REPORTS', points: 20, durationSeconds: 3600 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMIT_POLICIES;

export interface RateLimitBudget {
  points: number;
  durationSeconds: number;
}

export type RateLimits = Record<RateLimitName, RateLimitBudget>;

/** Reads every RATE_LIMIT_* variable; a bad one is named in the error. */
export function parseRateLimits(
  env: NodeJS.ProcessEnv,
  fail: (message: string) => Error,
): RateLimits {
  const limits = {} as RateLimits;
  for (const [name, policy] of Object.entries(RATE_LIMIT_POLICIES) as [
    RateLimitName,
    (typeof RATE_LIMIT_POLICIES)[RateLimitName],
  ][]) {
    const raw = env[policy.env]?.trim();
    if (!raw) {
      limits[name] = { points: policy.points, durationSeconds: policy.durationSeconds };
      continue;
    }
    const match = /^(\d{1,9})\s*\/\s*(\d{1,7})s?$/.exec(raw);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
      throw fail(
        `${policy.env}: "${raw}" is not <requests>/<seconds>, e.g. ${policy.points}/${policy.durationSeconds}`,
      );
    }
    limits[name] = { points: Number(match[1]), durationSeconds: Number(match[2]) };
  }
  return limits;
}
