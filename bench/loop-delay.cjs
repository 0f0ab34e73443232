// Preloaded into the bench's server (node -r), main thread only: what holds its event loop.
// On SIGUSR2 the server writes, to BENCH_LOOP_FILE, the figures since the last signal and starts
// again:
// - maxMs, p99Ms: perf_hooks.monitorEventLoopDelay, the longest and p99 time between two ticks
//   of a 10 ms timer (so never under 10 ms), in ms;
// - gcMaxMs, gcTotalMs, gcCount: garbage-collection pauses of the main thread (PerformanceObserver
//   'gc' entries);
// - taskMaxMs, taskKind, tasksOver50: with BENCH_LOOP_TASKS=1, the longest single task: one
//   callback from the event loop (a socket read, a worker's message, a timer, an immediate)
//   with the promise continuations and next-ticks that run after it, before the next callback.
//   A loop turn runs every callback that is ready, so one turn can hold several requests' tasks:
//   maxMs is the turn, taskMaxMs the longest of its parts. It costs a promise hook per promise,
//   so it is off by default.
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  const { monitorEventLoopDelay, PerformanceObserver, performance } = require('node:perf_hooks');
  const { writeFileSync } = require('node:fs');
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (value) => Math.round(value * 10) / 10;

  let gc = { maxMs: 0, totalMs: 0, count: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
      gc.totalMs += entry.duration;
      gc.count += 1;
    }
  }).observe({ entryTypes: ['gc'] });

  const tasks = process.env.BENCH_LOOP_TASKS === '1' ? taskTimer(performance) : null;

  process.on('SIGUSR2', () => {
    writeFileSync(
      process.env.BENCH_LOOP_FILE,
      JSON.stringify({
        maxMs: ms(histogram.max / 1e6),
        p99Ms: ms(histogram.percentile(99) / 1e6),
        gcMaxMs: ms(gc.maxMs),
        gcTotalMs: ms(gc.totalMs),
        gcCount: gc.count,
        ...(tasks ? tasks.take() : {}),
      }),
    );
    histogram.reset();
    gc = { maxMs: 0, totalMs: 0, count: 0 };
  });
}

/**
 * Times each task by the main thread's busy time between the starts of two callbacks from the
 * event loop (the loop's idle time, performance.eventLoopUtilization, left out). A callback's
 * start is an async_hooks `before` at the outermost level whose resource is neither a promise
 * nor a next-tick (those continue the task before them).
 */
function taskTimer(performance) {
  const { createHook, executionAsyncResource } = require('node:async_hooks');
  let depth = 0;
  let startedAt = 0;
  let idleAt = 0;
  let kind = '';
  let longest = { ms: 0, kind: '' };
  let over50 = 0;
  const closeTask = () => {
    const now = performance.now();
    const idle = performance.eventLoopUtilization().idle;
    if (startedAt) {
      const busy = now - startedAt - (idle - idleAt);
      if (busy > longest.ms) longest = { ms: busy, kind };
      if (busy > 50) over50 += 1;
    }
    startedAt = now;
    idleAt = idle;
  };
  createHook({
    before() {
      if (depth++ > 0) return;
      const resource = executionAsyncResource();
      if (resource instanceof Promise) return;
      const prototype = resource && Object.getPrototypeOf(resource);
      if (prototype === Object.prototype || prototype === null) return; // a next-tick
      closeTask();
      kind = resource?.constructor?.name ?? 'unknown';
    },
    after() {
      depth -= 1;
    },
  }).enable();
  return {
    take() {
      const figures = {
        taskMaxMs: Math.round(longest.ms * 10) / 10,
        taskKind: longest.kind,
        tasksOver50: over50,
      };
      longest = { ms: 0, kind: '' };
      over50 = 0;
      return figures;
    },
  };
}
