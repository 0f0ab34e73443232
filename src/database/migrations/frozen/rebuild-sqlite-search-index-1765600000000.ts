import type { Database } from 'better-sqlite3';

/**
 * FROZEN: the SQLite search index rebuild as migration 1765600000000 ran it (the names of a
 * person's department and site after their job title), with the search document rules of that
 * time copied in. Never edit this file:
 * a committed migration's output must not change when the directory's code does. The app's own
 * rules live in src/directory/search-text.ts.
 */

const MAX_TOKEN_LENGTH = 64;
const ORG_TOKEN_PREFIX = 'orgtok';
const ORG_TEXT_MARK = '#';

function searchTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '')
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
}

function organisationToken(organisationId: number, token: string): string {
  return `${ORG_TOKEN_PREFIX}${String(organisationId).padStart(9, '0')}${token}`;
}

interface SearchDocument {
  staffId: number;
  name: string;
  title: string;
  /** Handles the whole NHS directory may see. */
  handles: string;
  bio: string;
  /**
   * Organisation-only handles as `organisationToken`s: searched only with the viewer's own
   * organisation token, never with a typed word.
   */
  orgHandles: string;
  /**
   * The person's place and staff group as filter tags (`filterTags`), so SQLite's full-text
   * index intersects a search with a filter instead of testing every match row by row. Only
   * ever searched as `tags : "…"`; never part of `searchText` or of relevance.
   */
  tags: string;
}

interface TagFilters {
  organisationId?: number;
  siteId?: number;
  departmentId?: number;
  staffGroup?: string;
}

/** One tag per filter set: `org12 site3 dept40 groupnursingandmidwiferyregistered`. */
function filterTags(filters: TagFilters): string[] {
  const tags: string[] = [];
  if (filters.organisationId !== undefined) tags.push(`org${filters.organisationId}`);
  if (filters.siteId !== undefined) tags.push(`site${filters.siteId}`);
  if (filters.departmentId !== undefined) tags.push(`dept${filters.departmentId}`);
  if (filters.staffGroup !== undefined) {
    tags.push(`group${filters.staffGroup.toLowerCase().replace(/[^a-z0-9]/g, '')}`);
  }
  return tags;
}

function searchDocument(
  person: {
    id: number;
    displayName: string;
    jobTitle: string | null;
    bio: string | null;
    organisationId: number | null;
    siteId: number | null;
    departmentId: number | null;
    staffGroup: string | null;
  },
  accounts: { handle: string; visibility: string }[],
  places: { site: string | null; department: string | null },
): SearchDocument {
  const handles: string[] = [];
  const orgHandles: string[] = [];
  for (const account of accounts) {
    const tokens = searchTokens(account.handle);
    if (account.visibility === 'NHS_DIRECTORY') handles.push(...tokens);
    else if (account.visibility === 'ORGANISATION' && person.organisationId) {
      const organisationId = person.organisationId;
      orgHandles.push(...tokens.map((token) => organisationToken(organisationId, token)));
    }
  }
  return {
    staffId: person.id,
    name: searchTokens(person.displayName).join(' '),
    title: [
      ...searchTokens(person.jobTitle),
      ...searchTokens(places.department),
      ...searchTokens(places.site),
    ].join(' '),
    handles: handles.join(' '),
    bio: searchTokens(person.bio).join(' '),
    orgHandles: orgHandles.join(' '),
    tags: filterTags({
      organisationId: person.organisationId ?? undefined,
      siteId: person.siteId ?? undefined,
      departmentId: person.departmentId ?? undefined,
      staffGroup: person.staffGroup ?? undefined,
    }).join(' '),
  };
}

/**
 * The whole document as one line with a space before each token, for `LIKE '% tok%'`; the
 * organisation tokens last, each marked (` #orgtok…`) so only `organisationLikePattern` finds them.
 */
function searchText(document: SearchDocument): string {
  const tokens = [document.name, document.title, document.handles, document.bio]
    .join(' ')
    .split(' ')
    .filter(Boolean);
  const marked = document.orgHandles
    .split(' ')
    .filter(Boolean)
    .map((token) => `${ORG_TEXT_MARK}${token}`);
  return ` ${[...tokens, ...marked].join(' ')}`;
}

const RANGE = 5_000;

/**
 * Builds every SQLite search document at once (the index with `org_handles`), inside the
 * caller's transaction on a better-sqlite3 handle; returns how many were indexed. Without
 * `withPlaces` (the down() of 1765600000000), in the format before it: no place names.
 */
export function rebuildSqliteSearchIndex(db: Database, withPlaces = true): number {
  return db.transaction(() => {
    db.exec("INSERT INTO staff_search (staff_search) VALUES ('delete-all')");
    return writeSqliteSearchDocuments(db, withPlaces);
  })();
}

/**
 * The documents alone, into an empty `staff_search` (migration 1766900000000 writes them into a
 * new table with content, where 'delete-all' does not exist). Split out of the function above
 * with its output unchanged.
 */
export function writeSqliteSearchDocuments(db: Database, withPlaces = true): number {
  const maxId = (
    db.prepare('SELECT MAX(id) AS id FROM staff_members').get() as { id: number | null }
  ).id;
  const people = db.prepare(
    `SELECT s.id, s.display_name AS displayName, s.job_title AS jobTitle, s.bio,
       s.organisation_id AS organisationId, s.site_id AS siteId, s.department_id AS departmentId,
       s.staff_group AS staffGroup, site.name AS siteName, department.name AS departmentName
     FROM staff_members s
     LEFT JOIN sites site ON site.id = s.site_id
     LEFT JOIN departments department ON department.id = s.department_id
     WHERE s.id BETWEEN ? AND ?`,
  );
  const accounts = db.prepare(
    'SELECT staff_id AS staffId, handle, visibility FROM social_accounts WHERE staff_id BETWEEN ? AND ?',
  );
  const insert = db.prepare(
    'INSERT INTO staff_search (rowid, name, title, handles, bio, tags, org_handles) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const text = db.prepare('UPDATE staff_members SET search_text = ? WHERE id = ?');
  let indexed = 0;
  db.transaction(() => {
    for (let from = 1; maxId !== null && from <= maxId; from += RANGE) {
      const to = from + RANGE - 1;
      const byStaff = new Map<number, { handle: string; visibility: string }[]>();
      for (const account of accounts.all(from, to) as {
        staffId: number;
        handle: string;
        visibility: string;
      }[]) {
        const list = byStaff.get(account.staffId) ?? [];
        list.push(account);
        byStaff.set(account.staffId, list);
      }
      for (const person of people.all(from, to) as (Parameters<typeof searchDocument>[0] & {
        siteName: string | null;
        departmentName: string | null;
      })[]) {
        const doc = searchDocument(
          person,
          byStaff.get(person.id) ?? [],
          withPlaces
            ? { site: person.siteName, department: person.departmentName }
            : { site: null, department: null },
        );
        insert.run(
          doc.staffId,
          doc.name,
          doc.title,
          doc.handles,
          doc.bio,
          doc.tags,
          doc.orgHandles,
        );
        text.run(searchText(doc), doc.staffId);
        indexed += 1;
      }
    }
  })();
  return indexed;
}
