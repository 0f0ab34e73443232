import { Platform } from './platform';
import {
  bareHost,
  HandleInput,
  invalidHandle,
  isDomainName,
  MAX_INPUT_LENGTH,
  otherPlatformLink,
  PlatformRules,
  RuleContext,
} from './platform-rules';

export const websiteRules: PlatformRules = {
  platform: Platform.WEBSITE,
  name: 'website',
  hosts: [],
  example: 'https://www.example.nhs.uk/blog',
  anyHost: true,

  normalise(input: HandleInput, context: RuleContext) {
    // A bare `example.nhs.uk` reaches here as a name; a website is always read as a link.
    const source = input.kind === 'link' ? input.source : `https://${input.text}`;
    let url: URL;
    try {
      url = new URL(source);
    } catch {
      throw invalidHandle('That is not a valid web address');
    }
    // URL drops an empty `user@`, so look at the typed authority too.
    if (url.username !== '' || url.password !== '' || /^[a-z]+:\/\/[^/?#]*@/i.test(source)) {
      throw invalidHandle('Website links cannot include a user name or password');
    }
    const hostname = url.hostname.replace(/\.$/, '');
    if (!isDomainName(hostname)) {
      throw invalidHandle(
        'Enter a website address with a real domain name, like www.example.nhs.uk',
      );
    }
    const owner = context.ownerOf(bareHost(hostname));
    if (owner !== undefined) throw otherPlatformLink(owner, websiteRules);

    url.hostname = hostname;
    url.hash = '';
    const href = url.href;
    if (href.length > MAX_INPUT_LENGTH) {
      throw invalidHandle(`Website links are at most ${MAX_INPUT_LENGTH} characters`);
    }
    // http/https, `www.` and a trailing slash do not make a different site.
    const handleKey = href.replace(/^https?:\/\/(?:www\.)?/, '').replace(/\/$/, '');
    return { handle: href, handleKey, url: href, followUrl: href };
  },
};
