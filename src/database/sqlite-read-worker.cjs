'use strict';
// One worker thread of the SQLite read pool (sqlite-read-pool.ts), run by piscina: its own
// read-only better-sqlite3 connection on the database file, which in WAL mode reads the last
// committed state at the start of each statement and never waits for the writer. Plain
// CommonJS, so the same file runs under `node dist/` and under the tests (no TypeScript loader
// in a worker); `nest build` copies it beside the compiled pool (nest-cli.json assets).
const { workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const { path, busyTimeoutMs, cacheKib } = workerData;
const db = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
db.pragma('temp_store = MEMORY');
db.pragma(`cache_size = -${cacheKib}`);

// prepared once per statement text, as TypeORM's runner caches them on the main thread
const MAX_STATEMENTS = 500;
const statements = new Map();

function prepare(sql) {
  let statement = statements.get(sql);
  if (statement) return statement;
  statement = db.prepare(sql);
  if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value);
  statements.set(sql, statement);
  return statement;
}

/**
 * One statement: `{ sql, parameters }` in; rows for a reader, `{ changes, lastInsertRowid }`
 * otherwise (a write fails here: the connection is read-only). A failure comes back as a value,
 * so its `code` (SQLITE_READONLY, SQLITE_ERROR…) crosses the thread boundary intact.
 *
 * Rows are taken one at a time (`iterate`, not `all`): SQLite cannot be interrupted from
 * JavaScript, but a terminated worker stops when control comes back to JavaScript, so a statement
 * past its budget stops at its next row instead of running on to the end (a step that computes
 * long before its first row, a big sort or count, still finishes that step).
 */
module.exports = function read({ sql, parameters }) {
  try {
    const statement = prepare(sql);
    if (statement.reader) {
      const rows = [];
      for (const row of statement.iterate(...parameters)) rows.push(row);
      return { rows };
    }
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { changes, lastInsertRowid };
  } catch (error) {
    return { error: { name: error.name, message: error.message, code: error.code } };
  }
};
