import { InvalidInputError } from '../../common/errors/domain-error';
import { Platform } from './platform';
import { SocialAccountErrorReason } from '../social-account.errors';

export interface NormalisedHandle {
  /** Canonical display form, e.g. `@NHSEngland`, `@name@mastodon.social`, `in/jane-smith`. */
  handle: string;
  /** Comparison form for uniqueness: two inputs naming the same account share it. */
  handleKey: string;
  /** Canonical profile URL. */
  url: string;
  /** The platform's own follow page, or the profile URL where there is none. */
  followUrl: string;
}

/** What a person typed or pasted, after the checks every platform shares. */
export type HandleInput = HandleName | HandleLink;

export interface HandleName {
  kind: 'name';
  /** The trimmed input without one leading '@' or any trailing '/'. */
  name: string;
  /** The trimmed input as typed. */
  text: string;
}

export interface HandleLink {
  kind: 'link';
  url: URL;
  /** Lowercase host without a trailing dot or a `www.`/`m.`/`mobile.` prefix. */
  host: string;
  /** Lowercase host as given, without a trailing dot. */
  hostname: string;
  /** Decoded, non-empty path segments (from a `#!/` fragment for old Twitter links). */
  segments: string[];
  /** The absolute address handed to `URL`, scheme added if it was missing. */
  source: string;
  text: string;
}

export interface RuleContext {
  /** The platform whose hosts include `host` (subdomains count), if any. */
  ownerOf(host: string): PlatformRules | undefined;
}

export interface PlatformRules {
  readonly platform: Platform;
  /** Short name for messages: "X", "LinkedIn". */
  readonly name: string;
  /** Hosts of this platform; their subdomains belong to it too. */
  readonly hosts: readonly string[];
  /** A profile link shown in messages, without scheme. */
  readonly example: string;
  /** Links on hosts outside `hosts` may still be this platform's (Mastodon servers, websites). */
  readonly anyHost?: boolean;
  /** Throws `InvalidInputError` (field `handle`) when the input is not a valid account. */
  normalise(input: HandleInput, context: RuleContext): NormalisedHandle;
}

export const MAX_INPUT_LENGTH = 2048;

// Cf covers zero-width and bidi-override characters that make a handle look like another.
const CONTROL_CHARACTER = /[\p{Cc}\p{Cf}]/u;
const WHITESPACE = /\s/u;
const EXPLICIT_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const UNSAFE_SCHEME = /^(?:javascript|data|vbscript|file|blob|about|mailto|tel|sms|ftp):/i;
// A host with a dot followed by a path, query or fragment: `x.com/NHSEngland`.
const SCHEMELESS_LINK = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\.?(?::\d+)?[/?#]/u;
const HOST_PREFIX = /^(?:www\.|m\.|mobile\.)/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function invalidHandle(message: string): InvalidInputError {
  return new InvalidInputError(SocialAccountErrorReason.INVALID_HANDLE, message, 'handle');
}

export function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '').replace(HOST_PREFIX, '');
}

export function hostBelongsTo(host: string, hosts: readonly string[]): boolean {
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/**
 * A public DNS name: ASCII (punycode) labels of 1–63 letters, digits or inner hyphens,
 * at least two labels, at most 253 characters, and a top-level label that is not numeric.
 */
export function isDomainName(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  return /^[a-z]/.test(labels[labels.length - 1]);
}

/** Lowercase punycode form of a typed host, or null when it is not a host at all. */
export function asciiHost(host: string): string | null {
  if (host.length === 0 || /[/?#@:\\[\]%]/.test(host)) return null;
  try {
    return new URL(`https://${host}`).hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

export function otherPlatformLink(owner: PlatformRules, self: PlatformRules): InvalidInputError {
  return self.platform === Platform.WEBSITE
    ? invalidHandle(`That link is for ${owner.name}: choose ${owner.name} as the platform instead`)
    : invalidHandle(`That link is for ${owner.name}, not ${self.name}`);
}

export function notAProfile(
  self: PlatformRules,
  what = `That ${self.name} link is not a profile`,
): InvalidInputError {
  return invalidHandle(`${what}: paste a link like ${self.example}`);
}

/**
 * The checks every platform shares: length, hidden characters, spaces, and whether the
 * input is a link (with or without scheme) or a bare name.
 */
export function parseHandleInput(
  raw: unknown,
  isPlatformHost: (host: string) => boolean,
): HandleInput {
  const input = typeof raw === 'string' ? raw : '';
  if (input.length > MAX_INPUT_LENGTH) {
    throw invalidHandle(
      `That is too long: handles and links are at most ${MAX_INPUT_LENGTH} characters`,
    );
  }
  const text = input.trim();
  if (text === '' || text === '@') throw invalidHandle('Enter a handle or profile link');
  if (CONTROL_CHARACTER.test(text)) {
    throw invalidHandle(
      'That contains a hidden control character (such as a tab or line break): type it in again',
    );
  }
  if (WHITESPACE.test(text)) throw invalidHandle('Handles and links cannot contain spaces');

  const scheme = EXPLICIT_SCHEME.exec(text)?.[1].toLowerCase();
  if (scheme !== undefined) {
    if (scheme !== 'http' && scheme !== 'https') throw unsafeScheme();
    return parseLink(text, text);
  }
  if (UNSAFE_SCHEME.test(text)) throw unsafeScheme();
  if (text.startsWith('//')) return parseLink(`https:${text}`, text);
  if (SCHEMELESS_LINK.test(text) || isPlatformHost(bareHost(text))) {
    return parseLink(`https://${text}`, text);
  }

  const name = (text.startsWith('@') ? text.slice(1) : text).replace(/\/+$/, '');
  return { kind: 'name', name, text };
}

function unsafeScheme(): InvalidInputError {
  return invalidHandle('Only web links starting with http:// or https:// are accepted');
}

function parseLink(source: string, text: string): HandleLink {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw invalidHandle('That link is not a valid web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw unsafeScheme();
  const hostname = url.hostname.replace(/\.$/, '');
  if (hostname === '') throw invalidHandle('That link is not a valid web address');

  // Old Twitter links put the path in the fragment: twitter.com/#!/NHSEngland
  const path =
    url.pathname === '/' && url.hash.startsWith('#!/')
      ? url.hash.slice(2).split(/[?#]/)[0]
      : url.pathname;
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  return { kind: 'link', url, host: bareHost(hostname), hostname, segments, source, text };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidHandle(
      'That link has a broken %-encoded character: copy it again from the address bar',
    );
  }
}

/** Removes one leading '@' from a path segment: `@name` → `name`. */
export function withoutAt(value: string): string {
  return value.startsWith('@') ? value.slice(1) : value;
}
