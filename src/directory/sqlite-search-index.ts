import type { Database } from 'better-sqlite3';
import { AccountVisibility } from '../social-accounts/social-account.entity';
import { SearchDocument, searchDocument, searchText } from './search-text';

const RANGE = 5_000;

/**
 * Builds every SQLite search document at once, for a database bulk-loaded outside the app (the
 * national benchmark dataset): the same documents DirectorySearchIndexer writes one person at a
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
      const byStaff = new Map<number, { handle: string; visibility: AccountVisibility }[]>();
      for (const account of accounts.all(from, to) as {
        staffId: number;
        handle: string;
        visibility: AccountVisibility;
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
