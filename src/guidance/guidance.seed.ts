import { In } from 'typeorm';
import type { SeedContext } from '../database/seed/seed-demo-data';
import { TransactionRunner } from '../database/transaction-runner';
import { DirectorySearchIndexer } from '../directory/directory-search.indexer';
import { DirectoryRepository } from '../directory/directory.repository';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffRepository } from '../staff/staff.repository';
import { GuidanceAcceptance, GuidanceDocument } from './guidance-document.entity';

export const DEMO_GUIDANCE = {
  version: 1,
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
 * organisations have published none, so their staff are listed with nothing to accept. Then
 * every demo person's search document is built (accounts included), so the directory answers
 * by name, job title or handle at once.
 */
export async function seedGuidance({ tx, random, trust, staff, named }: SeedContext) {
  const namedIds = new Set(Object.values(named).map((person) => person.id));
  const publisher = Object.values(named).find((person) => person.isCommsAdmin) ?? null;
  const document = await tx.save(
    GuidanceDocument,
    tx.create(GuidanceDocument, {
      organisationId: trust.id,
      scopeKey: trust.id,
      publishedById: publisher?.id ?? null,
      ...DEMO_GUIDANCE,
    }),
  );
  await new StaffRepository().refreshListing(tx, { organisationId: trust.id });

  const accepting = staff
    .filter((person) => person.organisationId === trust.id)
    .filter((person) => namedIds.has(person.id) || !random.chance(0.05))
    .map((person) => person.id);
  for (let start = 0; start < accepting.length; start += 200) {
    const ids = accepting.slice(start, start + 200);
    await tx.insert(
      GuidanceAcceptance,
      ids.map((staffId) => ({ staffId, guidanceId: document.id })),
    );
    // the listing trigger lists them as their acceptance is recorded
    await tx.update(StaffMember, { id: In(ids) }, { acceptedGuidanceId: document.id });
  }

  const indexer = new DirectorySearchIndexer(
    new DirectoryRepository(tx.connection),
    new TransactionRunner(tx.connection),
  );
  await indexer.reindex(
    tx,
    staff.map((person) => person.id),
  );
}
