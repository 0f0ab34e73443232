import { ProofMethod } from './verification-request.entity';

/** A code for the account's bio: short to type, long enough not to be guessed. */
export function proofCodeFrom(random: Buffer): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
  const chars = [...random.subarray(0, 8)].map((byte) => alphabet[byte % alphabet.length]);
  return `staffvoices-${chars.join('')}`;
}

const TAG = /<(a|link)\b([^>]*)>/gi;
const ATTRIBUTE = /([a-z-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x2F;|&#47;/gi, '/')
    .replace(/&amp;/g, '&');

const sameUrl = (a: string, b: string) => {
  try {
    const x = new URL(a);
    const y = new URL(b);
    const path = (u: URL) => u.pathname.replace(/\/+$/, '');
    return x.origin === y.origin && path(x) === path(y);
  } catch {
    return false;
  }
};

/**
 * What a public profile page proves: the code anywhere in it (the bio is shown on the page), or a
 * `rel="me"` link (Mastodon's verified link) to the person's own Staff Voices profile.
 */
export function findProof(html: string, code: string, profileUrl: string): ProofMethod | null {
  if (html.includes(code)) return ProofMethod.BIO_CODE;
  for (const [, , attributes] of html.matchAll(TAG)) {
    const attrs = new Map<string, string>();
    for (const m of attributes.matchAll(ATTRIBUTE)) {
      attrs.set(m[1].toLowerCase(), decode(m[3] ?? m[4] ?? m[5] ?? ''));
    }
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('me') && sameUrl(attrs.get('href') ?? '', profileUrl)) {
      return ProofMethod.REL_ME;
    }
  }
  return null;
}
