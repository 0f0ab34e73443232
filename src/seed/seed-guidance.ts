import { GuidanceService } from '../guidance/guidance.service';
import type { SeedContext } from './seed-demo-data';

export const DEMO_GUIDANCE = {
  title: 'Social media guidance for staff',
  summary:
    'We trust our staff with patients’ lives, so we trust you with social media. Be yourself ' +
    'and be kind; say when you speak for yourself rather than the trust; never share anything ' +
    'that could identify a patient; follow your professional regulator’s guidance; and if in ' +
    'doubt, ask the communications team or come to a social media surgery.',
  url: 'https://www.riverside.nhs.uk/staff/social-media-guidance',
};

/**
 * Demo step: the trust publishes its staff guidance and almost everyone has accepted it; a few
 * generated people have not, so the directory shows the "not listed" rule. Other demo
 * organisations have published none, so their staff are listed with nothing to accept.
 */
export async function seedGuidance({ app, tx, random, trust, staff, named }: SeedContext) {
  const guidance = app.get(GuidanceService);
  const namedIds = new Set(Object.values(named).map((person) => person.id));
  const publisher = Object.values(named).find((person) => person.isCommsAdmin) ?? null;
  const document = await guidance.publishIn(
    tx,
    { organisationId: trust.id, publishedById: publisher?.id ?? null },
    DEMO_GUIDANCE,
  );
  const accepting = staff
    .filter((person) => person.organisationId === trust.id)
    .filter((person) => namedIds.has(person.id) || !random.chance(0.05))
    .map((person) => person.id);
  for (let start = 0; start < accepting.length; start += 200) {
    await guidance.acceptMany(tx, document, accepting.slice(start, start + 200));
  }
}
