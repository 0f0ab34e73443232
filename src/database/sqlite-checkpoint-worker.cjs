'use strict';
// The SQLite checkpointer's thread (sqlite-checkpointer.ts): its own read-write connection on the
// database file, which copies the WAL's committed pages into the file (a PASSIVE checkpoint: it
// never waits for the writer or the readers, and takes only what no reader still needs) every
// `intervalMs`, and answers each `checkpoint` message with one done at once. Plain CommonJS, as
// sqlite-read-worker.cjs, so it runs under `node dist/` and under the tests alike.
//
// After a checkpoint that found the WAL at `restartPages` frames or more, it skips its next
// interval: the writer's COMMITs checkpoint from there (its wal_autocheckpoint), and only a
// checkpoint in the writer's own COMMIT, with no commit after it, finds the WAL whole and lets
// the next transaction start it again from its beginning. SQLite runs no two checkpoints at once
// and refuses the second without waiting, so a COMMIT that came while this thread was copying
// would leave the WAL to grow for another round. (The frame count is not read from the `-shm`
// file directly: closing a descriptor of a file drops every POSIX lock this process holds on
// it, SQLite's included.)
const { parentPort, workerData } = require('node:worker_threads');
const { setInterval, clearInterval } = require('node:timers');
const Database = require('better-sqlite3');

const { path, busyTimeoutMs, intervalMs, restartPages } = workerData;
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

let standAside = false;
function onInterval() {
  if (standAside) {
    standAside = false;
    return;
  }
  const result = checkpoint();
  standAside = 'log' in result && result.log >= restartPages;
  parentPort.postMessage(result);
}

const timer = setInterval(onInterval, intervalMs);

parentPort.on('message', (message) => {
  if (message === 'checkpoint') parentPort.postMessage({ asked: true, ...checkpoint() });
  if (message === 'close') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
