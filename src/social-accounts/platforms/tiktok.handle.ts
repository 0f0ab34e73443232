import { Platform } from './platform';
import { HandleInput, invalidHandle, notAProfile, PlatformRules } from './platform-rules';

const USERNAME = /^[a-z0-9._]{2,24}$/;

export const tiktokRules: PlatformRules = {
  platform: Platform.TIKTOK,
  name: 'TikTok',
  hosts: ['tiktok.com'],
  example: 'tiktok.com/@name',

  normalise(input: HandleInput) {
    const username = (
      input.kind === 'name' ? input.name : usernameFromLink(input.host, input.segments)
    ).toLowerCase();
    if (!USERNAME.test(username)) {
      throw invalidHandle(
        'TikTok usernames are 2 to 24 letters, digits, full stops or underscores',
      );
    }
    if (username.endsWith('.')) throw invalidHandle('TikTok usernames cannot end with a full stop');
    const url = `https://www.tiktok.com/@${username}`;
    return { handle: `@${username}`, handleKey: `@${username}`, url, followUrl: url };
  },
};

function usernameFromLink(host: string, segments: string[]): string {
  // vm.tiktok.com/…, vt.tiktok.com/… and tiktok.com/t/… are share links that hide the profile.
  if (host === 'vm.tiktok.com' || host === 'vt.tiktok.com' || segments[0] === 't') {
    throw invalidHandle(
      'That is a shortened TikTok link: open it and copy the profile address, like tiktok.com/@name',
    );
  }
  const first = segments[0];
  if (first === undefined || !first.startsWith('@') || first.length === 1) {
    throw notAProfile(tiktokRules);
  }
  return first.slice(1);
}
