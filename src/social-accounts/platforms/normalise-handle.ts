import { DomainError } from '../../common/errors/domain-error';
import { blueskyRules } from './bluesky.handle';
import { facebookRules } from './facebook.handle';
import { instagramRules } from './instagram.handle';
import { linkedInCompanyPage, linkedInRules } from './linkedin.handle';
import { mastodonRules } from './mastodon.handle';
import { Platform } from './platform';
import {
  hostBelongsTo,
  invalidHandle,
  NormalisedHandle,
  otherPlatformLink,
  parseHandleInput,
  PlatformRules,
  RuleContext,
} from './platform-rules';
import { threadsRules } from './threads.handle';
import { tiktokRules } from './tiktok.handle';
import { websiteRules } from './website.handle';
import { xRules } from './x.handle';
import { youtubeRules } from './youtube.handle';

export type { NormalisedHandle } from './platform-rules';

export interface HandlePreview {
  valid: boolean;
  handle: string | null;
  url: string | null;
  error: string | null;
}

export const PLATFORM_RULES: Readonly<Record<Platform, PlatformRules>> = {
  [Platform.X]: xRules,
  [Platform.LINKEDIN]: linkedInRules,
  [Platform.FACEBOOK]: facebookRules,
  [Platform.INSTAGRAM]: instagramRules,
  [Platform.MASTODON]: mastodonRules,
  [Platform.BLUESKY]: blueskyRules,
  [Platform.THREADS]: threadsRules,
  [Platform.TIKTOK]: tiktokRules,
  [Platform.YOUTUBE]: youtubeRules,
  [Platform.WEBSITE]: websiteRules,
};

const ALL_RULES = Object.values(PLATFORM_RULES);

/** The platform a host (or its subdomain) belongs to, e.g. `uk.linkedin.com` → LINKEDIN. */
export function platformForHost(host: string): Platform | undefined {
  return ownerOf(host)?.platform;
}

function ownerOf(host: string): PlatformRules | undefined {
  const lower = host.toLowerCase().replace(/\.$/, '');
  return ALL_RULES.find((rules) => hostBelongsTo(lower, rules.hosts));
}

const context: RuleContext = { ownerOf };

// `jo@nhs.net` or `jo@mastodon.social` typed for a platform whose handles never contain '@'.
const ADDRESS = /^[^@/]+@[^@/]+\.[^@/]+$/;

function isPlatformHost(host: string): boolean {
  return ALL_RULES.some((rules) => rules.hosts.includes(host));
}

/**
 * Reads a handle, `@handle` or profile link for a platform and returns its one canonical form.
 * Throws `InvalidInputError` (field `handle`) with a reason a person can act on.
 */
export function normaliseHandle(platform: Platform, input: string): NormalisedHandle {
  // GraphQL validates the enum, but this also serves REST and CSV callers.
  if (!Object.hasOwn(PLATFORM_RULES, platform)) {
    throw invalidHandle('Choose a platform for this account');
  }
  const rules = PLATFORM_RULES[platform];
  const parsed = parseHandleInput(input, isPlatformHost);
  if (parsed.kind === 'link') {
    const owner = ownerOf(parsed.host);
    if (owner !== undefined && owner !== rules) throw otherPlatformLink(owner, rules);
    if (owner === undefined && !rules.anyHost) {
      throw invalidHandle(
        `That link is not on ${rules.name}: paste a link like ${rules.example}, or just the handle`,
      );
    }
  }
  if (parsed.kind === 'name' && !rules.anyHost && ADDRESS.test(parsed.name)) {
    throw invalidHandle(
      `That looks like an email or Mastodon address: enter just the ${rules.name} handle`,
    );
  }
  return rules.normalise(parsed, context);
}

/**
 * `normaliseHandle` for an organisation's official account: everything a person may register,
 * and also the pages only an organisation has (a LinkedIn company page).
 */
export function normaliseOfficialHandle(platform: Platform, input: string): NormalisedHandle {
  if (platform === Platform.LINKEDIN) {
    let parsed: ReturnType<typeof parseHandleInput> | null = null;
    try {
      parsed = parseHandleInput(input, isPlatformHost);
    } catch {
      // normaliseHandle below says what is wrong with it
    }
    const page = parsed ? linkedInCompanyPage(parsed) : null;
    if (page) return page;
  }
  return normaliseHandle(platform, input);
}

/** `normaliseHandle` for a live preview: never throws. */
export function previewHandle(platform: Platform, input: string): HandlePreview {
  try {
    const { handle, url } = normaliseHandle(platform, input);
    return { valid: true, handle, url, error: null };
  } catch (error) {
    const message = error instanceof DomainError ? error.message : 'That handle could not be read';
    return { valid: false, handle: null, url: null, error: message };
  }
}

/**
 * The canonical handle a pasted profile link names (`https://x.com/name` → `@name`,
 * `https://mastodon.social/@jo` → `@jo@mastodon.social`), for any link form the platform rules
 * accept; null when the text is not a link or names no account. Never throws (for search boxes).
 */
export function handleInLink(text: string): string | null {
  try {
    const parsed = parseHandleInput(text, isPlatformHost);
    if (parsed.kind !== 'link') return null;
    const owner = ownerOf(parsed.host);
    for (const rules of owner ? [owner] : [mastodonRules, websiteRules]) {
      try {
        return rules.normalise(parsed, context).handle;
      } catch {
        // not this platform's account: try the next
      }
    }
    return null;
  } catch {
    return null;
  }
}
