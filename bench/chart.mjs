/* global process, console */
// `node bench/chart.mjs [dir]` (npm run bench runs it after each run): reads every
// <database>-<staff>.json the bench wrote in dir (default docs/benchmarks) and draws each
// scenario's p95 against the dataset's size, one panel per database, as p95-growth.svg there.
// Vega-Lite compiles the chart, Vega renders the SVG in Node (no canvas, no browser). ESM: both
// libraries are ES modules only.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const dir =
  process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'benchmarks');
const runs = readdirSync(dir)
  .filter((file) => /^(sqlite|postgres)-\d+\.json$/.test(file))
  .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')));

const points = runs.flatMap((run) =>
  run.scenarios
    .filter((scenario) => !scenario.skipped && scenario.p95 > 0 && scenario.errors === 0)
    .map((scenario) => ({
      database: run.database === 'postgres' ? 'PostgreSQL' : 'SQLite',
      staff: run.staff,
      scenario: scenario.name,
      p95: scenario.p95,
      load: scenario.loadAverage ? scenario.loadAverage.join(' → ') : '',
    })),
);

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: {
    text: 'p95 latency by dataset size (10 clients, closed loop)',
    subtitle: 'npm run bench; each point one run, load average in docs/benchmarks/*.json',
  },
  data: { values: points },
  facet: { column: { field: 'database', type: 'nominal', title: null } },
  spec: {
    width: 360,
    height: 300,
    layer: [{ mark: { type: 'line', point: true } }],
    encoding: {
      x: {
        field: 'staff',
        type: 'quantitative',
        scale: { type: 'log' },
        title: 'staff in the dataset',
        axis: { format: '~s' },
      },
      y: {
        field: 'p95',
        type: 'quantitative',
        scale: { type: 'log' },
        title: 'p95 ms (log)',
      },
      color: {
        field: 'scenario',
        type: 'nominal',
        scale: { scheme: 'tableau20' },
        legend: { orient: 'bottom', columns: 2, labelLimit: 320 },
      },
      tooltip: [{ field: 'scenario' }, { field: 'staff' }, { field: 'p95' }, { field: 'load' }],
    },
  },
  config: { font: 'sans-serif', background: 'white' },
};

const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
const svg = await view.toSVG();
view.finalize();
const file = join(dir, 'p95-growth.svg');
writeFileSync(file, svg + '\n');
console.log(`Chart: ${file} (${points.length} points from ${runs.length} runs)`);

// the tables for docs/benchmarks.md: per size, SQLite's figures beside PostgreSQL's
const cell = (s) =>
  !s
    ? '— | — | — | —'
    : s.skipped
      ? `skipped | | | `
      : `${s.p95} | ${s.perSecond} | ${s.statementsPerRequest ?? '—'} | ${s.loopMaxMs ?? '—'}`;
const loadOf = (s) => (s?.loadAverage ? s.loadAverage.join('→') : '—');
for (const staff of [...new Set(runs.map((run) => run.staff))].sort((a, b) => a - b)) {
  const sqlite = runs.find((run) => run.staff === staff && run.database === 'sqlite');
  const postgres = runs.find((run) => run.staff === staff && run.database === 'postgres');
  const names = [
    ...new Set([...(sqlite?.scenarios ?? []), ...(postgres?.scenarios ?? [])].map((s) => s.name)),
  ];
  const when = (run) =>
    run
      ? `${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, peak RSS ${run.peakRssMb} MB`
      : 'not run';
  console.log(
    `\n${staff.toLocaleString('en-GB')} staff — SQLite: ${when(sqlite)}; PostgreSQL: ${when(postgres)}\n`,
  );
  console.log(
    '| scenario | SQLite p95 ms | req/s | statements / request | event loop max ms | PostgreSQL p95 ms | req/s | statements / request | event loop max ms | load average (SQLite; PostgreSQL) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const name of names) {
    const s = sqlite?.scenarios.find((x) => x.name === name);
    const p = postgres?.scenarios.find((x) => x.name === name);
    console.log(`| ${name} | ${cell(s)} | ${cell(p)} | ${loadOf(s)}; ${loadOf(p)} |`);
  }
}
