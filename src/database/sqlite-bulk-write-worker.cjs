'use strict';
// The thread of SqliteBulkWriter (sqlite-bulk-writer.ts): a write connection of its own on the
// database file, set up as TypeORM sets up the main one (data-source-options.ts: WAL,
// synchronous FULL, foreign keys), on which a bulk transaction's statements run, so their
// SQLite time is spent off the event loop. It never races the main connection: the main thread
// starts a bulk transaction only in its turn of the write queue and holds the turn until it has
// committed or rolled back. Plain CommonJS, as sqlite-read-worker.cjs.
//
// Messages in: { id, op: 'begin' | 'commit' | 'rollback' }, { id, op: 'query', sql, parameters },
// or { id, op: 'rows', statements: [{ sql, from, to }], rows } (packed rows: bulk-transaction.ts);
// out: { id, records, affected } for a query, { id, affected: [per statement] } for rows,
// { id } otherwise, or { id, error }.
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const { path, busyTimeoutMs, cacheKib, restartPages, walSizeLimitBytes } = workerData;
const db = new Database(path, { fileMustExist: true, timeout: busyTimeoutMs });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('temp_store = MEMORY');
db.pragma(`cache_size = -${cacheKib}`);
// as the main write connection beside the checkpointer (sqlite-checkpointer.ts)
db.pragma(`wal_autocheckpoint = ${restartPages}`);
db.pragma(`journal_size_limit = ${walSizeLimitBytes}`);

const MAX_STATEMENTS = 200;
const statements = new Map();
function prepare(sql) {
  let statement = statements.get(sql);
  if (statement) return statement;
  statement = db.prepare(sql);
  if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value);
  statements.set(sql, statement);
  return statement;
}

/** The parameters of packed rows `from` to `to`: as unpackRows in bulk-transaction.ts. */
function unpackRows(rows, from, to) {
  const { columns, numbers, numbersPerRow, text, textPerRow } = rows;
  const parameters = new Array((to - from) * columns.length);
  let p = 0;
  for (let r = from; r < to; r++) {
    const numbersAt = r * numbersPerRow;
    const textAt = r * textPerRow;
    for (const column of columns) {
      if ('number' in column) {
        const value = numbers[numbersAt + column.number];
        parameters[p++] = Number.isNaN(value) ? null : value;
      } else if ('text' in column) {
        const at = textAt + column.text;
        parameters[p++] = text.slice(at, at + column.width);
      } else parameters[p++] = column.constant;
    }
  }
  return parameters;
}

function answer(message) {
  switch (message.op) {
    case 'begin':
      db.exec('BEGIN IMMEDIATE');
      return {};
    case 'commit':
      db.exec('COMMIT');
      return {};
    case 'rollback':
      if (db.inTransaction) db.exec('ROLLBACK');
      return {};
    case 'query': {
      const statement = prepare(message.sql);
      if (statement.reader) {
        const records = statement.all(message.parameters);
        return { records, affected: records.length };
      }
      return { records: [], affected: statement.run(message.parameters).changes };
    }
    case 'rows':
      return {
        affected: message.statements.map(
          ({ sql, from, to }) => prepare(sql).run(unpackRows(message.rows, from, to)).changes,
        ),
      };
    case 'close':
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
      parentPort.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on('message', (message) => {
  let reply;
  try {
    reply = answer(message);
  } catch (error) {
    reply = { error: { name: error.name, message: error.message, code: error.code } };
  }
  if (reply) parentPort.postMessage({ id: message.id, ...reply });
});
