import { Platform } from './platform';
import { HandleInput, invalidHandle, NormalisedHandle, PlatformRules } from './platform-rules';

// Letters of any script (LinkedIn keeps them percent-encoded in links), digits and hyphens.
const SLUG = /^[\p{L}\p{M}\p{N}-]{3,100}$/u;

const PROFILE_ADDRESS = 'paste your linkedin.com/in/… address';

const NOT_PERSONAL = new Map([
  ['company', 'company page'],
  ['school', 'school page'],
  ['showcase', 'showcase page'],
  ['groups', 'group'],
  ['pulse', 'article'],
  ['posts', 'post'],
  ['feed', 'feed page'],
  ['events', 'event'],
  ['jobs', 'job page'],
]);

export const linkedInRules: PlatformRules = {
  platform: Platform.LINKEDIN,
  name: 'LinkedIn',
  hosts: ['linkedin.com', 'lnkd.in'],
  example: 'linkedin.com/in/jane-smith',

  normalise(input: HandleInput) {
    if (input.kind === 'link' && (input.host === 'lnkd.in' || input.host.endsWith('.lnkd.in'))) {
      throw invalidHandle(`That is a shortened LinkedIn link: open it and ${PROFILE_ADDRESS}`);
    }
    // A typed `in/jane-smith` is read like the path of a link.
    const segments =
      input.kind === 'link' ? input.segments : input.name.split('/').filter((s) => s !== '');
    const slug = (
      segments.length === 1 && input.kind === 'name' ? segments[0] : slugFrom(segments)
    ).toLowerCase();
    if (!SLUG.test(slug)) {
      throw invalidHandle(
        'LinkedIn profile addresses are 3 to 100 letters, digits or hyphens after linkedin.com/in/',
      );
    }
    const url = `https://www.linkedin.com/in/${encodeURIComponent(slug)}`;
    return { handle: `in/${slug}`, handleKey: `in/${slug}`, url, followUrl: url };
  },
};

function slugFrom(segments: string[]): string {
  const first = segments[0]?.toLowerCase();
  if (first === 'in' && segments[1] !== undefined) return segments[1];
  const page = first === undefined ? undefined : NOT_PERSONAL.get(first);
  if (page !== undefined) {
    throw invalidHandle(`That is a LinkedIn ${page}, not a personal profile: ${PROFILE_ADDRESS}`);
  }
  // linkedin.com/pub/jane-smith/12/345/678 cannot be turned into the /in/ address reliably.
  if (first === 'pub') {
    throw invalidHandle(`That is an old-style LinkedIn link: open it and ${PROFILE_ADDRESS}`);
  }
  throw invalidHandle(`That LinkedIn link is not a profile: ${PROFILE_ADDRESS}`);
}

// A company page's name: letters of any script, digits and hyphens, like a profile's.
const COMPANY = /^[\p{L}\p{M}\p{N}-]{2,100}$/u;

/**
 * A LinkedIn company page (`linkedin.com/company/nhs-england`, or `company/nhs-england` typed),
 * which only an organisation's official account may be; null when the input names no company
 * page, so the personal rules above answer for it.
 */
export function linkedInCompanyPage(input: HandleInput): NormalisedHandle | null {
  if (
    input.kind === 'link' &&
    !(input.host === 'linkedin.com' || input.host.endsWith('.linkedin.com'))
  ) {
    return null;
  }
  const segments =
    input.kind === 'link' ? input.segments : input.name.split('/').filter((s) => s !== '');
  if (segments[0]?.toLowerCase() !== 'company' || segments[1] === undefined) return null;
  const name = segments[1].toLowerCase();
  if (!COMPANY.test(name)) {
    throw invalidHandle(
      'LinkedIn company page addresses are 2 to 100 letters, digits or hyphens after linkedin.com/company/',
    );
  }
  const url = `https://www.linkedin.com/company/${encodeURIComponent(name)}`;
  return { handle: `company/${name}`, handleKey: `company/${name}`, url, followUrl: url };
}
