// Prints compare-peer's table from its results file: one JSON line per run,
// each tagged with "side" (fnf or peer). Medians over the repetitions.
//   node table.mjs RESULTS.jsonl
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

function median(values) {
  const s = values.filter((v) => v !== undefined && !Number.isNaN(v)).sort((x, y) => x - y);
  if (s.length === 0) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function pick(side, workload, field, extra = () => true) {
  return median(rows.filter((r) => r.side === side && r.workload === workload && extra(r)).map((r) => r[field]));
}

function human(v, digits = 3) {
  if (v === undefined) return 'n/a';
  if (v >= 1e6) return (v / 1e6).toPrecision(digits) + ' M';
  if (v >= 1e3) return (v / 1e3).toPrecision(digits) + ' k';
  return v.toPrecision(digits);
}

function ratio(x, y) {
  return x === undefined || y === undefined || y === 0 ? 'n/a' : (x / y).toFixed(2) + '×';
}

const reps = Math.max(1, ...rows.map((r) => r.rep ?? 1));
const lines = [
  '| workload | peer | fnf | fnf / peer | target |',
  '|---|---|---|---|---|',
];
const throughput = [
  ['a', '(a) one-Pass executions per CPU second, sequential', '≥ 10×'],
  ['b', '(b) 1,000-Pass chain, transitions per CPU second', '≥ 15×'],
  ['c', '(c) Map over 10,000 items, items per CPU second', '≥ 75×'],
  ['d', '(d) intAdd + Choice loop, transitions per CPU second', '≥ 50×'],
];
// Per CPU second: on a shared machine a process may wait for a processor, and
// wall time would measure the queue as much as the work.
for (const [w, label, target] of throughput) {
  const p = pick('peer', w, 'per_cpu_second');
  const f = pick('fnf', w, 'per_cpu_second');
  lines.push(`| ${label} | ${human(p)} | ${human(f)} | ${ratio(f, p)} | ${target} |`);
}
{
  const p = pick('peer', 'e', 'retained_bytes_per_execution');
  const f = pick('fnf', 'e', 'retained_bytes_per_execution');
  lines.push(`| (e) bytes per retained execution | ${human(p)} | ${human(f)} | ${ratio(f, p)} | ≤ 0.35× |`);
}
{
  const one = pick('fnf', 'f', 'per_second', (r) => r.workers === 1);
  const two = pick('fnf', 'f', 'per_second', (r) => r.workers === 2);
  lines.push(`| (f) 20,000 × 50-Pass chain, executions per wall second: 1 worker → 2 workers | — | ${human(one)} → ${human(two)} | ${ratio(two, one)} (2 vs 1) | ≥ 1.7× |`);
}
console.log(lines.join('\n'));

const extras = [];
for (const [w, unit] of [['a', 'execution'], ['b', 'transition'], ['d', 'transition']]) {
  const ir = pick('fnf', w, 'instructions_per_unit');
  if (ir !== undefined) extras.push(`(${w}) ${Math.round(ir)} instructions per ${unit}`);
}
const allocs = pick('fnf', 'a', 'allocations_per_unit');
if (allocs !== undefined) extras.push(`(a) ${allocs.toFixed(1)} heap allocations per execution`);
const rss = pick('fnf', 'e', 'rss_bytes_per_execution');
if (rss !== undefined) extras.push(`(e) ${Math.round(rss)} bytes of RSS growth per execution`);
if (extras.length) console.log('\nfnf: ' + extras.join('; '));
const wall = ['a', 'b', 'c', 'd'].map((w) => `${w} ${ratio(pick('fnf', w, 'per_second'), pick('peer', w, 'per_second'))}`);
console.log(`fnf / peer in wall time (includes waiting for a processor): ${wall.join(', ')}`);
console.log(`\nMedians of ${reps} run(s); fnf in manual mode with history recorded and the system clock.`);
