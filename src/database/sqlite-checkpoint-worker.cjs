'use strict';
// The SQLite checkpointer's thread (sqlite-checkpointer.ts): its own read-write connection on the
// database file, which copies the WAL's committed pages into the file (a PASSIVE checkpoint: it
// never waits for the writer or the readers, and takes only what no reader still needs) every
// `intervalMs`, and answers each `checkpoint` message with one done at once. Plain CommonJS, as
// sqlite-read-worker.cjs, so it runs under `node dist/` and under the tests alike.
//
// It stands aside while the WAL holds `restartPages` frames or more. The writer's COMMITs then
// checkpoint (its wal_autocheckpoint), and only a checkpoint in the writer's own COMMIT, with no
// commit after it, finds the WAL whole and lets the next one start it again from its beginning.
// Two checkpoints never run at once: SQLite refuses the second, without waiting, so a COMMIT
// that came while this thread was copying would leave the WAL to grow for another round.
// The frame count comes from the wal-index header (`mxFrame`, bytes 16–19 of the `-shm` file,
// in the host's byte order: https://www.sqlite.org/walformat.html), read without a lock; a
// stale read only makes one interval's choice wrong. Once the writer is idle, with frames still
// to copy, this thread copies them.
const { parentPort, workerData } = require('node:worker_threads');
const { setInterval, clearInterval } = require('node:timers');
const { openSync, readSync, closeSync } = require('node:fs');
const { endianness } = require('node:os');
const { Buffer } = require('node:buffer');
const Database = require('better-sqlite3');

const { path, busyTimeoutMs, intervalMs, restartPages } = workerData;
const db = new Database(path, { fileMustExist: true, timeout: busyTimeoutMs });

const header = Buffer.alloc(20);
/** Frames in the WAL now, or null when the wal-index cannot be read. */
function framesInWal() {
  let fd;
  try {
    fd = openSync(`${path}-shm`, 'r');
    if (readSync(fd, header, 0, 20, 0) < 20) return null;
    return endianness() === 'LE' ? header.readUInt32LE(16) : header.readUInt32BE(16);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function checkpoint() {
  try {
    // busy: 1 when another checkpoint was under way; log: frames in the WAL; checkpointed: of them, in the file
    const [{ busy, log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    return { busy, log, checkpointed };
  } catch (error) {
    return { error: { name: error.name, message: error.message, code: error.code } };
  }
}

let framesBefore = null;
function onInterval() {
  const frames = framesInWal();
  // unchanged since the last interval, the writer is idle: nothing to be in the way of
  const writerDue = frames !== null && frames >= restartPages && frames !== framesBefore;
  framesBefore = frames;
  if (!writerDue) parentPort.postMessage(checkpoint());
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
