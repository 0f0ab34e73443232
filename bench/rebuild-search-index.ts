import type { Database } from 'better-sqlite3';
import { searchDocument, searchText } from '../src/directory/search-text';
import { AccountVisibility } from '../src/social-accounts/social-account.entity';

const RANGE = 5_000;

/**
 * Builds every SQLite search document at once, for a database bulk-loaded outside the app (the
 * national benchmark dataset): the same documents DirectorySearchIndexer writes one person at a
 * time. Runs in one transaction on a better-sqlite3 handle; returns how many were indexed.
 */
export function rebuildSqliteSearchIndex(db: Database): number {
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
    db.exec('DELETE FROM staff_search');
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
      for (const person of people.all(from, to) as (Parameters<typeof searchDocument>[0] & {
        siteName: string | null;
        departmentName: string | null;
      })[]) {
        const doc = searchDocument(person, byStaff.get(person.id) ?? [], {
          site: person.siteName,
          department: person.departmentName,
        });
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
