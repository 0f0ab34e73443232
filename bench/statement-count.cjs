// Preloaded into the bench's server (node -r), and so into its worker threads (a worker inherits
// the main thread's -r): counts the SQL statements the process sends, at the drivers, wherever
// they come from (TypeORM, the read pool's workers, lean SQL). better-sqlite3: each execution of
// a prepared statement (all, get, run, iterate) and each exec; pg: each Client.query. One counter
// in shared memory for every thread; with BENCH_STATEMENTS_PORT set, the main thread answers
// GET / on that port with {"statements": n} for the bench to read before and after a scenario.
const { isMainThread, getEnvironmentData, setEnvironmentData } = require('node:worker_threads');

const KEY = 'staff-voices-bench-statements';
let shared = isMainThread ? undefined : getEnvironmentData(KEY);
if (!shared) {
  shared = new SharedArrayBuffer(8);
  setEnvironmentData(KEY, shared);
}
const counter = new BigInt64Array(shared);
const count = () => Atomics.add(counter, 0, 1n);

function counted(prototype, name) {
  const original = prototype[name];
  if (typeof original !== 'function') return;
  prototype[name] = function (...args) {
    count();
    return original.apply(this, args);
  };
}

try {
  const Database = require('better-sqlite3');
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1'));
  for (const name of ['all', 'get', 'run', 'iterate']) counted(statement, name);
  counted(Database.prototype, 'exec');
  probe.close();
} catch {
  // no better-sqlite3 here: nothing to count on that side
}
try {
  counted(require('pg').Client.prototype, 'query');
} catch {
  // no pg here
}

if (isMainThread && process.env.BENCH_STATEMENTS_PORT) {
  const server = require('node:http').createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ statements: Number(Atomics.load(counter, 0)) }));
  });
  server.listen(Number(process.env.BENCH_STATEMENTS_PORT), '127.0.0.1');
  server.unref();
}
