import { instagramUsername } from './instagram.handle';
import { Platform } from './platform';
import { HandleInput, notAProfile, PlatformRules } from './platform-rules';

export const threadsRules: PlatformRules = {
  platform: Platform.THREADS,
  name: 'Threads',
  hosts: ['threads.com', 'threads.net'],
  example: 'threads.com/@name',

  normalise(input: HandleInput) {
    const username = instagramUsername(
      input.kind === 'name' ? input.name : usernameFromLink(input.segments),
      'Threads',
    );
    const url = `https://www.threads.com/@${username}`;
    return { handle: `@${username}`, handleKey: `@${username}`, url, followUrl: url };
  },
};

function usernameFromLink(segments: string[]): string {
  // Every Threads profile (and post) path starts with /@name.
  const first = segments[0];
  if (first === undefined || !first.startsWith('@') || first.length === 1) {
    throw notAProfile(threadsRules);
  }
  return first.slice(1);
}
