import { Platform } from './platform';
import {
  HandleInput,
  HandleLink,
  invalidHandle,
  isDomainName,
  notAProfile,
  PlatformRules,
} from './platform-rules';

const DID_PLC = /^did:plc:[a-z2-7]{24}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DEFAULT_SUFFIX = '.bsky.social';
// Reserved top-level domains that the Bluesky server refuses as handles.
const DISALLOWED_TLDS = [
  'local',
  'arpa',
  'invalid',
  'localhost',
  'internal',
  'example',
  'alt',
  'onion',
];

export const blueskyRules: PlatformRules = {
  platform: Platform.BLUESKY,
  name: 'Bluesky',
  hosts: ['bsky.app', 'bsky.social'],
  example: 'bsky.app/profile/name.bsky.social',

  normalise(input: HandleInput) {
    const handle = identifier(input.kind === 'name' ? input.name : fromLink(input));
    const url = `https://bsky.app/profile/${handle}`;
    return { handle, handleKey: handle, url, followUrl: url };
  },
};

function fromLink(link: HandleLink): string {
  const { hostname, segments } = link;
  // A bsky.social handle is also a host name: https://name.bsky.social
  if (hostname.endsWith(DEFAULT_SUFFIX) && segments.length === 0) return hostname;
  if (segments[0] === 'profile' && segments[1] !== undefined) return segments[1];
  throw notAProfile(blueskyRules, 'That Bluesky link is not a profile');
}

/** A handle (a domain name, lowercase) or a `did:plc:` identifier. */
function identifier(value: string): string {
  if (/^did:/i.test(value)) {
    if (DID_PLC.test(value)) return value;
    throw invalidHandle('Bluesky ids are did:plc: followed by 24 letters a–z or digits 2–7');
  }
  const handle = value.toLowerCase();
  if (!handle.includes('.')) {
    if (!LABEL.test(handle)) {
      throw invalidHandle('Bluesky names are letters, digits and hyphens, like name.bsky.social');
    }
    return `${handle}${DEFAULT_SUFFIX}`;
  }
  if (!isDomainName(handle)) {
    throw invalidHandle(
      'Bluesky handles are domain names: parts of 1 to 63 letters, digits or hyphens separated by full stops, like name.bsky.social',
    );
  }
  const tld = handle.slice(handle.lastIndexOf('.') + 1);
  if (DISALLOWED_TLDS.includes(tld)) throw invalidHandle(`Bluesky handles cannot end in .${tld}`);
  return handle;
}
