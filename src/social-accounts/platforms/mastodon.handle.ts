import { Platform } from './platform';
import {
  asciiHost,
  HandleInput,
  HandleLink,
  invalidHandle,
  isDomainName,
  notAProfile,
  PlatformRules,
  RuleContext,
  withoutAt,
} from './platform-rules';

const USERNAME_CHARACTERS = /^[A-Za-z0-9_]+$/;
const MAX_USERNAME_LENGTH = 30;
const EXAMPLE_HANDLE = '@name@mastodon.social';

interface MastodonAccount {
  username: string;
  server: string;
}

export const mastodonRules: PlatformRules = {
  platform: Platform.MASTODON,
  name: 'Mastodon',
  // The largest servers, so their links pasted under another platform are recognised.
  // Any other server is accepted too (anyHost).
  hosts: [
    'mastodon.social',
    'mastodon.online',
    'mstdn.social',
    'mas.to',
    'mastodon.world',
    'fosstodon.org',
  ],
  example: 'mastodon.social/@name',
  anyHost: true,

  normalise(input: HandleInput, context: RuleContext) {
    const account = input.kind === 'name' ? fromAddress(input.name) : fromLink(input);
    if (!USERNAME_CHARACTERS.test(account.username)) {
      throw invalidHandle(
        'Mastodon usernames can only have the letters A to Z, digits and underscores',
      );
    }
    if (account.username.length > MAX_USERNAME_LENGTH) {
      throw invalidHandle(`Mastodon usernames are at most ${MAX_USERNAME_LENGTH} characters long`);
    }
    const server = asciiHost(account.server);
    if (server === null || !isDomainName(server)) {
      throw invalidHandle(
        `The server in a Mastodon handle is a domain name, like ${EXAMPLE_HANDLE}`,
      );
    }
    const owner = context.ownerOf(server);
    if (owner !== undefined && owner.platform !== Platform.MASTODON) {
      // Threads and bridged accounts have fediverse addresses, but they are listed under their own platform.
      throw invalidHandle(
        `That is a ${owner.name} account: choose ${owner.name} as the platform instead`,
      );
    }
    const handle = `@${account.username}@${server}`;
    const url = `https://${server}/@${account.username}`;
    return { handle, handleKey: handle.toLowerCase(), url, followUrl: url };
  },
};

function fromAddress(value: string): MastodonAccount {
  const address = value.replace(/^acct:/i, '');
  const parts = address.split('@');
  if (parts.length === 1 || parts[1] === '') {
    throw invalidHandle(`Mastodon handles include the server, like ${EXAMPLE_HANDLE}`);
  }
  if (parts.length !== 2) throw invalidHandle(`Mastodon handles look like ${EXAMPLE_HANDLE}`);
  return { username: parts[0], server: parts[1] };
}

function fromLink(link: HandleLink): MastodonAccount {
  const { hostname } = link;
  // /web/@name is the address in older Mastodon web apps.
  const segments = link.segments[0] === 'web' ? link.segments.slice(1) : link.segments;
  const [first, second] = segments;
  if (first !== undefined && first.startsWith('@') && first.length > 1) {
    // https://mastodon.social/@name@fosstodon.org shows a remote account; its home is fosstodon.org.
    const [username, server] = withoutAt(first).split('@', 2);
    return { username, server: server ?? hostname };
  }
  if (first === 'users' && second !== undefined) return { username: second, server: hostname };
  throw notAProfile(mastodonRules, 'That Mastodon link is not a profile');
}
