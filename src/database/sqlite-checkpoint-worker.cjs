'use strict';
// The SQLite checkpointer's thread (sqlite-checkpointer.ts): its own read-write connection on the
// database file, which copies the WAL's committed pages into the file (a PASSIVE checkpoint: it
// never waits for the writer or the readers, and takes only what no reader still needs) every
// `intervalMs`, and answers each `checkpoint` message with one done at once. Plain CommonJS, as
// sqlite-read-worker.cjs, so it runs under `node dist/` and under the tests alike.
const { parentPort, workerData } = require('node:worker_threads');
const { setInterval, clearInterval } = require('node:timers');
const Database = require('better-sqlite3');

const { path, busyTimeoutMs, intervalMs } = workerData;
const db = new Database(path, { fileMustExist: true, timeout: busyTimeoutMs });

function checkpoint() {
  try {
    // busy: 1 when another checkpoint was under way; log: frames in the WAL; checkpointed: of them, in the file
    const [{ busy, log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    return { busy, log, checkpointed };
  } catch (error) {
    return { error: { name: error.name, message: error.message, code: error.code } };
  }
}

const timer = setInterval(() => parentPort.postMessage(checkpoint()), intervalMs);

parentPort.on('message', (message) => {
  if (message === 'checkpoint') parentPort.postMessage({ asked: true, ...checkpoint() });
  if (message === 'close') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
