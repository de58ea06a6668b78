// The peer's side of tests/bench/compare-peer: the workloads of
// tests/bench/workloads.cc, written in Amazon States Language for
// aws-local-stepfunctions, one per process, each printing one JSON line with
// the same fields (workload, units, unit, seconds, per_second).
//
//   node --expose-gc workloads.mjs a|b|c|d|e [N]
//
// The peer records no history unless asked; it runs here as it runs by default.
import { StateMachine } from 'aws-local-stepfunctions';

const workload = process.argv[2];
const arg = Number(process.argv[3] ?? 0);

function pass(end, next) {
  return end ? { Type: 'Pass', End: true } : { Type: 'Pass', Next: next };
}

function chain(length) {
  const States = {};
  for (let i = 0; i < length; i++) States['S' + i] = pass(i === length - 1, 'S' + (i + 1));
  return new StateMachine({ StartAt: 'S0', States });
}

function check(got, want) {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  if (g !== w) throw new Error(`output ${g}, expected ${w}`);
}

// Wall and CPU time (all of the process's threads: the JIT and the garbage
// collector included), as fnf_workloads reports them.
function report(units, unit, t0, cpu0, extra = {}) {
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({
    workload, units, unit, seconds, per_second: Math.round(units / seconds),
    cpu_seconds: cpuSeconds, per_cpu_second: Math.round(units / cpuSeconds), ...extra,
  }));
}

async function timed(units, unit, body) {
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  await body();
  report(units, unit, t0, cpu0);
}

const small = { a: 1, b: 'x' };

if (workload === 'a') {
  const n = arg || 200000;
  const sm = new StateMachine({ StartAt: 'P', States: { P: pass(true) } });
  for (let i = 0; i < 1000; i++) await sm.run(small).result; // JIT warm-up
  let last;
  await timed(n, 'execution', async () => {
    for (let i = 0; i < n; i++) last = await sm.run(small).result;
  });
  check(last, small);
} else if (workload === 'b') {
  const n = arg || 500;
  const sm = chain(1000);
  for (let i = 0; i < 3; i++) await sm.run(small).result;
  let last;
  await timed(1000 * n, 'transition', async () => {
    for (let i = 0; i < n; i++) last = await sm.run(small).result;
  });
  check(last, small);
} else if (workload === 'c') {
  const n = arg || 5;
  const sm = new StateMachine({
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 40, End: true,
        ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'P', States: { P: pass(true) } },
      },
    },
  });
  const items = Array.from({ length: 10000 }, (_, i) => ({ i }));
  await sm.run({ items: items.slice(0, 1000) }).result;
  let last;
  await timed(10000 * n, 'item', async () => {
    for (let i = 0; i < n; i++) last = await sm.run({ items }).result;
  });
  check(last, items);
} else if (workload === 'd') {
  const n = arg || 100000;
  const sm = new StateMachine({
    StartAt: 'Inc',
    States: {
      Inc: { Type: 'Pass', Parameters: { 'counter.$': 'States.MathAdd($.counter, 1)' }, Next: 'Check' },
      Check: { Type: 'Choice', Choices: [{ Variable: '$.counter', NumericGreaterThanEquals: n, Next: 'Done' }], Default: 'Inc' },
      Done: { Type: 'Succeed' },
    },
  });
  await sm.run({ counter: Math.max(0, n - 1000) }).result;
  let last;
  await timed(2 * n + 1, 'transition', async () => {
    last = await sm.run({ counter: 0 }).result;
  });
  check(last, { counter: n });
} else if (workload === 'e') {
  // N executions started at once and kept (handle and result), as a host that
  // wants to read them later must; retained = heap growth after collection.
  const n = arg || 10000;
  const sm = new StateMachine({ StartAt: 'P', States: { P: pass(true) } });
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with --expose-gc');
  const runAll = async (count) => {
    const handles = [];
    for (let i = 0; i < count; i++) handles.push(sm.run({ a: i, b: 'x' }));
    const results = await Promise.all(handles.map((h) => h.result));
    return handles.map((handle, i) => ({ handle, result: results[i] }));
  };
  await runAll(100);
  gc(); gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const kept = await runAll(n);
  gc(); gc();
  const retained = Math.round((process.memoryUsage().heapUsed - heap0) / n);
  report(n, 'execution', t0, cpu0, { retained_bytes_per_execution: retained });
  check(kept[n - 1].result, { a: n - 1, b: 'x' });
} else {
  console.error('usage: node --expose-gc workloads.mjs a|b|c|d|e [N]');
  process.exit(1);
}
