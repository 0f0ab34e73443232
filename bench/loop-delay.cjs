// Preloaded into the bench's server (node -r): the event loop's delays, by
// perf_hooks.monitorEventLoopDelay. On SIGUSR2 the server writes the longest and the p99 since
// the last signal, in ms, to BENCH_LOOP_FILE, and starts again.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  writeFileSync(
    process.env.BENCH_LOOP_FILE,
    JSON.stringify({ maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)) }),
  );
  histogram.reset();
});
