import { slugFrom } from './community-slug';

describe('slugFrom', () => {
  it.each([
    ['WeNurses', 'wenurses'],
    ['#hellomynameis', 'hellomynameis'],
    ['Café Chat', 'cafe-chat'],
    ['  NHS  Million!! ', 'nhs-million'],
    ['Riverside — social media champions', 'riverside-social-media-champions'],
    ['###', ''],
    [`${'a'.repeat(79)} b`, 'a'.repeat(79)],
  ])('%j → %j', (name, slug) => {
    expect(slugFrom(name)).toBe(slug);
  });
});
