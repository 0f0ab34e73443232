import { MigrationInterface, QueryRunner } from 'typeorm';
import { isSqlite } from './column-helpers';

// The directory's MIN_VOCABULARY_LENGTH at the time of this migration.
const MIN_LENGTH = 3;

/**
 * The vocabulary the directory's typo fallback corrects to ("aisa" → "aisha"): every word of
 * staff names, job titles and place names, once, with a trigram index, so a close spelling is
 * found among the words (tens of thousands nationally) rather than by scanning people.
 *
 * - SQLite: `directory_search_words` (unique words) and an external-content FTS5 table with the
 *   trigram tokenizer over it; filled from the search index's own vocabulary (fts5vocab) of the
 *   name and title columns.
 * - PostgreSQL: the `pg_trgm` extension (contrib; must be installable; made in `public`) and a GIN trigram index on
 *   the words; filled from the name lexemes (weight A) of the search documents, job titles and
 *   place names.
 */
export class DirectorySearchWords1765600000001 implements MigrationInterface {
  name = 'DirectorySearchWords1765600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      await queryRunner.query(
        `CREATE TABLE directory_search_words (
           id integer PRIMARY KEY AUTOINCREMENT, word varchar NOT NULL UNIQUE)`,
      );
      await queryRunner.query(
        `CREATE VIRTUAL TABLE directory_search_words_trigram USING fts5(word,
           content='directory_search_words', content_rowid='id', tokenize='trigram')`,
      );
      await queryRunner.query(
        `CREATE VIRTUAL TABLE temp.staff_search_vocabulary USING fts5vocab(main, 'staff_search', 'col')`,
      );
      await queryRunner.query(
        `INSERT OR IGNORE INTO directory_search_words (word)
         SELECT term FROM temp.staff_search_vocabulary
         WHERE col IN ('name', 'title') AND length(term) >= ${MIN_LENGTH} ORDER BY term`,
      );
      await queryRunner.query('DROP TABLE temp.staff_search_vocabulary');
      await queryRunner.query(
        `INSERT INTO directory_search_words_trigram (directory_search_words_trigram) VALUES ('rebuild')`,
      );
      return;
    }
    // in public, not the connection's schema: a schema dropped with CASCADE (a test's) would take
    // the extension, and every other schema's trigram index, with it
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
    const [{ schema }]: { schema: string }[] = await queryRunner.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
       WHERE e.extname = 'pg_trgm'`,
    );
    await queryRunner.query(
      `CREATE TABLE directory_search_words (
         id serial PRIMARY KEY, word varchar NOT NULL, CONSTRAINT "UQ_directory_search_words" UNIQUE (word))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_directory_search_words_trigram" ON directory_search_words
       USING gin (word "${schema}".gin_trgm_ops)`,
    );
    const words = (text: string) =>
      `SELECT unnest(regexp_split_to_array(lower(${text}), '[^[:alnum:]]+')) AS word`;
    await queryRunner.query(
      `INSERT INTO directory_search_words (word)
       SELECT DISTINCT word FROM (
         SELECT u.lexeme AS word FROM staff_search, unnest(staff_search.document) u
           WHERE 'A' = ANY(u.weights)
         UNION ${words('job_title')} FROM staff_members WHERE job_title IS NOT NULL
         UNION ${words('name')} FROM departments
         UNION ${words('name')} FROM sites
       ) w WHERE length(word) >= ${MIN_LENGTH} AND word !~ '^orgtok'
       ON CONFLICT (word) DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      await queryRunner.query('DROP TABLE directory_search_words_trigram');
      await queryRunner.query('DROP TABLE directory_search_words');
      return;
    }
    await queryRunner.query('DROP TABLE directory_search_words');
    // pg_trgm stays: other things may use it, and it holds no data
  }
}
