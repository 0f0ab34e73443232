import type { Database } from 'better-sqlite3';

/**
 * FROZEN: the SQLite search index rebuild as migrations 1764500000000 and 1764600000000 (and its
 * down) ran it, with the search document rules of that time copied in. Never edit this file:
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
    title: searchTokens(person.jobTitle).join(' '),
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
 * Builds every SQLite search document at once, for a database bulk-loaded outside the app (the
 * national benchmark dataset): the same documents SearchDocuments writes one person at a
 * time. Runs in one transaction on a better-sqlite3 handle; returns how many were indexed.
 *
 * An index without the `org_handles` column (migrations 1764500000000 and the down() of
 * 1764600000000 build it so) is filled in that earlier format, organisation tokens among the
 * handles and unmarked in `search_text`, which the code of that time expects.
 */
export function rebuildSqliteSearchIndex(db: Database): number {
  const maxId = (
    db.prepare('SELECT MAX(id) AS id FROM staff_members').get() as { id: number | null }
  ).id;
  const people = db.prepare(
    `SELECT id, display_name AS displayName, job_title AS jobTitle, bio, organisation_id AS organisationId,
       site_id AS siteId, department_id AS departmentId, staff_group AS staffGroup
     FROM staff_members WHERE id BETWEEN ? AND ?`,
  );
  const accounts = db.prepare(
    'SELECT staff_id AS staffId, handle, visibility FROM social_accounts WHERE staff_id BETWEEN ? AND ?',
  );
  const current =
    db
      .prepare("SELECT 1 FROM pragma_table_info('staff_search') WHERE name = 'org_handles'")
      .get() !== undefined;
  const insert = db.prepare(
    current
      ? 'INSERT INTO staff_search (rowid, name, title, handles, bio, tags, org_handles) VALUES (?, ?, ?, ?, ?, ?, ?)'
      : 'INSERT INTO staff_search (rowid, name, title, handles, bio, tags) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const text = db.prepare(
    'UPDATE staff_members SET search_text = ?, search_stale = 0 WHERE id = ?',
  );
  let indexed = 0;
  db.transaction(() => {
    db.exec("INSERT INTO staff_search (staff_search) VALUES ('delete-all')");
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
      for (const person of people.all(from, to) as Parameters<typeof searchDocument>[0][]) {
        const doc = searchDocument(person, byStaff.get(person.id) ?? []);
        if (current) {
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
        } else {
          const legacy = legacyDocument(doc);
          insert.run(doc.staffId, doc.name, doc.title, legacy.handles, doc.bio, doc.tags);
          text.run(searchText(legacy), doc.staffId);
        }
        indexed += 1;
      }
    }
  })();
  return indexed;
}

/** The document before 1764600000000: organisation tokens among the handles. */
function legacyDocument(doc: SearchDocument): SearchDocument {
  return {
    ...doc,
    handles: [doc.handles, doc.orgHandles].filter(Boolean).join(' '),
    orgHandles: '',
  };
}
