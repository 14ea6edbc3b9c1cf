/**
 * `npm run bench`: how long `simulate` takes on the default scenario and on a large synthetic one.
 *
 * Prints the median and 90th-percentile time of the engine alone (validation is timed separately) over a number
 * of runs after a warm-up, both wall-clock and CPU time: on a shared machine the wall clock also counts time spent
 * waiting for a core. Usage: `npm run bench -- [--runs 50]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runMonteCarlo } from '../src/domain/monte-carlo';
import type { Scenario } from '../src/domain/scenario-schema';
import { optimiseAssignment } from '../src/domain/optimise';
import { analyseSensitivity } from '../src/domain/sensitivity';
import { simulate } from '../src/domain/simulate';
import { listUncertainInputs } from '../src/domain/uncertain-inputs';
import { formatIssue, validateScenario, validateScenarioEdit } from '../src/domain/validate-scenario';
import { planValidScenario } from '../src/domain/plan-scenario';
import { encodePersisted } from '../src/state/persistence';
import { spawnSync } from 'node:child_process';
import { createLargeScenario } from '../tests/factories/large-scenario';
import type { LargeScenarioOptions } from '../tests/factories/large-scenario';
import { makeLargeCatalogScenario } from '../tests/factories/large-catalog';
import { quoteCatalog } from '../src/domain/call-quote';
import { NO_FILTERS } from '../src/features/catalog/catalog-view';
import { CHEAPEST_FIRST, selectQuoteRows } from '../src/features/catalog/per-request-view';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SCENARIO = join(ROOT, 'data', 'default-scenario.json');
const FALLBACK_SCENARIO = join(ROOT, 'tests', 'fixtures', 'design-example.json');
const WARM_UP_RUNS = 5;
/** The large scenario should simulate well under this on one core. */
const LARGE_TARGET_MS = 20;

type Timing = { medianMs: number; p90Ms: number; minMs: number; maxMs: number };
/** Wall-clock time, and CPU time of this process (what other programs on a busy machine do not inflate). */
type Measurement = { wall: Timing; cpu: Timing };

function readRuns(args: readonly string[]): number {
  const index = args.indexOf('--runs');
  const runs = index >= 0 ? Number(args[index + 1]) : 50;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of 1 or more');
  return runs;
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
function findPercentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

function summarise(samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  return {
    medianMs: findPercentile(samples, 0.5),
    p90Ms: findPercentile(samples, 0.9),
    minMs: samples[0] ?? NaN,
    maxMs: samples[samples.length - 1] ?? NaN,
  };
}

/** Runs `work` a few times to warm up, then `runs` times, timing each. */
function measure(work: () => unknown, runs: number): Measurement {
  for (let i = 0; i < WARM_UP_RUNS; i++) work();
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    work();
    wallMs.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: summarise(wallMs), cpu: summarise(cpuMs) };
}

function validateOrThrow(input: unknown, label: string): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(`${label} is invalid:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.value;
}

function formatMs(ms: number): string {
  return `${ms.toFixed(2).padStart(8)} ms`;
}

function printTiming(label: string, timing: Timing): void {
  console.log(
    `  ${label.padEnd(22)} median ${formatMs(timing.medianMs)}   p90 ${formatMs(timing.p90Ms)}   ` +
      `min ${formatMs(timing.minMs)}   max ${formatMs(timing.maxMs)}`,
  );
}

function describeScenario(scenario: Scenario): string {
  return (
    `${scenario.catalog.length} models × ${scenario.traffic.length} slices × ${scenario.strategies.length} strategies × ` +
    `${scenario.horizonMonths} months, ${scenario.credits.length} credit pools`
  );
}

function benchScenario(title: string, input: unknown, runs: number): Measurement {
  console.log(`\n${title}`);
  const validation = measure(() => validateScenario(input), runs);
  const scenario = validateOrThrow(input, title);
  console.log(`  ${describeScenario(scenario)}`);
  const engine = measure(() => simulate(scenario), runs);
  printTiming('simulate, wall clock', engine.wall);
  printTiming('simulate, CPU time', engine.cpu);
  printTiming('validate, wall clock', validation.wall);
  return engine;
}

function main(): void {
  const runs = readRuns(process.argv.slice(2));
  console.log(
    `Planning engine benchmark: ${runs} timed runs after ${WARM_UP_RUNS} warm-up runs, Node ${process.version}`,
  );

  const hasDefault = existsSync(DEFAULT_SCENARIO);
  const scenarioPath = hasDefault ? DEFAULT_SCENARIO : FALLBACK_SCENARIO;
  const defaultTitle = hasDefault
    ? `(a) Default scenario: ${relative(ROOT, scenarioPath)}`
    : `(a) ${relative(ROOT, DEFAULT_SCENARIO)} not found; using ${relative(ROOT, scenarioPath)} instead`;
  benchScenario(defaultTitle, JSON.parse(readFileSync(scenarioPath, 'utf8')) as unknown, runs);

  const large = benchScenario(
    '(b) Large synthetic scenario (tests/factories/large-scenario.ts)',
    createLargeScenario(),
    runs,
  );
  const verdict = (ms: number) => (ms < LARGE_TARGET_MS ? 'within' : 'OVER');
  console.log(
    `\nLarge scenario, simulate median: ${large.wall.medianMs.toFixed(2)} ms wall clock ` +
      `(${verdict(large.wall.medianMs)} the ${LARGE_TARGET_MS} ms target), ${large.cpu.medianMs.toFixed(2)} ms CPU ` +
      `(${verdict(large.cpu.medianMs)}).\nWall clock includes time spent waiting for a busy core: load average ` +
      `${loadavg()[0]?.toFixed(2) ?? '?'} on ${availableParallelism()} cores.`,
  );
}

main();

// --- Sensitivity analysis (src/domain/sensitivity.ts) ----------------------------------------------------------
/** Sensitivity should feel instant on the default scenario: one analysis well under this. */
const SENSITIVITY_TARGET_MS = 50;
/** Each analysis is ~160 strategy runs: fewer timed runs keep the whole bench short. */
const SENSITIVITY_MAX_RUNS = 20;

function benchSensitivity(runs: number): void {
  const path = existsSync(DEFAULT_SCENARIO) ? DEFAULT_SCENARIO : FALLBACK_SCENARIO;
  const scenario = validateOrThrow(JSON.parse(readFileSync(path, 'utf8')) as unknown, relative(ROOT, path));
  const timedRuns = Math.min(runs, SENSITIVITY_MAX_RUNS);
  console.log(
    `\n(c) Sensitivity analysis of each strategy, ${relative(ROOT, path)} (±20 % where no range), ` +
      `${timedRuns} timed runs; wall clock, (number of inputs swung)`,
  );
  // One pass over every strategy first, so the first one timed does not pay for the compiler's warm-up.
  for (const strategy of scenario.strategies) analyseSensitivity(scenario, strategy.id);
  let slowestWall = 0;
  let slowestCpu = 0;
  for (const strategy of scenario.strategies) {
    const inputs = analyseSensitivity(scenario, strategy.id)?.entries.length ?? 0;
    const timing = measure(() => analyseSensitivity(scenario, strategy.id), timedRuns);
    slowestWall = Math.max(slowestWall, timing.wall.medianMs);
    slowestCpu = Math.max(slowestCpu, timing.cpu.medianMs);
    printTiming(`${strategy.id.slice(0, 14)} (${inputs})`, timing.wall);
  }
  const verdict = (ms: number) => (ms < SENSITIVITY_TARGET_MS ? 'within' : 'OVER');
  console.log(
    `Sensitivity, slowest strategy median: ${slowestWall.toFixed(2)} ms wall clock (${verdict(slowestWall)} the ` +
      `${SENSITIVITY_TARGET_MS} ms target), ${slowestCpu.toFixed(2)} ms CPU (${verdict(slowestCpu)}).`,
  );
}

benchSensitivity(readRuns(process.argv.slice(2)));

// --- Optimiser (src/domain/optimise.ts) -------------------------------------------------------------------------
/** The optimised assignment of the 2,000-model × 40-slice scenario should stay well under this. */
const OPTIMISER_TARGET_MS = 100;
/** Each run searches 2,000 models for 40 slices, then simulates once: a few timed runs are enough. */
const OPTIMISER_MAX_RUNS = 20;

function benchOptimiser(runs: number): void {
  const scenario = validateOrThrow(createLargeScenario(), 'the large scenario');
  const timedRuns = Math.min(runs, OPTIMISER_MAX_RUNS);
  console.log(`\n(d) Optimised assignment, large synthetic scenario, ${timedRuns} timed runs`);
  console.log(`  ${describeScenario(scenario)}`);
  const result = optimiseAssignment(scenario);
  console.log(
    `  ${result.unmet.length} slices below their bar, ${result.improvementMoves} capacity moves after the first choice`,
  );
  const timing = measure(() => optimiseAssignment(scenario), timedRuns);
  printTiming('optimise, wall clock', timing.wall);
  printTiming('optimise, CPU time', timing.cpu);
  const verdict = (ms: number) => (ms < OPTIMISER_TARGET_MS ? 'within' : 'OVER');
  console.log(
    `Optimiser median: ${timing.wall.medianMs.toFixed(2)} ms wall clock (${verdict(timing.wall.medianMs)} the ` +
      `${OPTIMISER_TARGET_MS} ms target), ${timing.cpu.medianMs.toFixed(2)} ms CPU (${verdict(timing.cpu.medianMs)}).`,
  );
}

benchOptimiser(readRuns(process.argv.slice(2)));

// --- Monte Carlo (src/domain/monte-carlo.ts) --------------------------------------------------------------------
/** 10,000 samples of the default scenario should take under this on one idle core. */
const MONTE_CARLO_TARGET_MS = 300;
const MONTE_CARLO_SAMPLES = 10_000;
/** Each run is 10,000 samples × every strategy: a few timed runs give a steady median. */
const MONTE_CARLO_MAX_RUNS = 5;

function benchMonteCarlo(runs: number): void {
  const path = existsSync(DEFAULT_SCENARIO) ? DEFAULT_SCENARIO : FALLBACK_SCENARIO;
  const scenario = validateOrThrow(JSON.parse(readFileSync(path, 'utf8')) as unknown, relative(ROOT, path));
  const ranged = listUncertainInputs(scenario).length;
  const timedRuns = Math.min(runs, MONTE_CARLO_MAX_RUNS);
  console.log(
    `\n(e) Monte Carlo, ${MONTE_CARLO_SAMPLES.toLocaleString('en-US')} samples of ${relative(ROOT, path)} ` +
      `(${ranged} ranged inputs), ${timedRuns} timed runs`,
  );
  console.log(`  ${describeScenario(scenario)}`);
  let seed = 0;
  const timing = measure(
    () => runMonteCarlo(scenario, { samples: MONTE_CARLO_SAMPLES, seed: seed++ }),
    timedRuns,
  );
  printTiming('monte carlo, wall', timing.wall);
  printTiming('monte carlo, CPU', timing.cpu);
  const perSecond = (ms: number) => Math.round((MONTE_CARLO_SAMPLES / ms) * 1000).toLocaleString('en-US');
  const verdict = (ms: number) => (ms < MONTE_CARLO_TARGET_MS ? 'within' : 'OVER');
  console.log(
    `Monte Carlo median: ${perSecond(timing.wall.medianMs)} samples/s wall clock, ${timing.wall.medianMs.toFixed(0)} ms ` +
      `for ${MONTE_CARLO_SAMPLES.toLocaleString('en-US')} (${verdict(timing.wall.medianMs)} the ` +
      `${MONTE_CARLO_TARGET_MS} ms target); ${perSecond(timing.cpu.medianMs)} samples/s CPU ` +
      `(${verdict(timing.cpu.medianMs)}). Load average ${loadavg()[0]?.toFixed(2) ?? '?'} on ` +
      `${availableParallelism()} cores (the target is for one idle core).`,
  );
}

benchMonteCarlo(readRuns(process.argv.slice(2)));

// --- Per-request cost (src/domain/call-quote.ts, the calculator's table) -----------------------------------------
/** Pricing one call on 10,000 models, filtering and sorting them, should take well under this: it runs per keystroke. */
const PER_REQUEST_TARGET_MS = 50;
const PER_REQUEST_MODELS = 10_000;

function benchPerRequest(runs: number): void {
  const catalog = validateOrThrow(makeLargeCatalogScenario(PER_REQUEST_MODELS), 'large catalog').catalog;
  const call = {
    inputTokens: 3000,
    cachedPrefixTokens: 2000,
    outputTokens: 500,
    reasoningTokens: 0,
    cacheHitRate: 0.9,
    cacheTtl: '5m' as const,
    batchShare: 0.5,
  };
  console.log(
    `\n(i) Per-request cost: one call quoted on ${PER_REQUEST_MODELS.toLocaleString('en-US')} models`,
  );
  const timing = measure(() => {
    const { quotes } = quoteCatalog(catalog, call, { batch: true, caching: true });
    return selectQuoteRows(catalog, quotes, { ...NO_FILTERS, search: 'gen' }, CHEAPEST_FIRST);
  }, runs);
  printTiming('per-request, wall', timing.wall);
  printTiming('per-request, CPU', timing.cpu);
  const verdict = (ms: number) => (ms < PER_REQUEST_TARGET_MS ? 'within' : 'OVER');
  console.log(
    `Per-request median: ${timing.wall.medianMs.toFixed(2)} ms wall clock (${verdict(timing.wall.medianMs)} the ` +
      `${PER_REQUEST_TARGET_MS} ms target), ${timing.cpu.medianMs.toFixed(2)} ms CPU (${verdict(timing.cpu.medianMs)}).`,
  );
}

benchPerRequest(readRuns(process.argv.slice(2)));

// --- Scaling (src/domain/simulate.ts, routes.ts, plan-constraints.ts) -------------------------------------------
/** Timed runs of each size: every run plans a freshly validated copy, so nothing is remembered between runs. */
const SCALING_RUNS = 5;

/** Runs `work` once, timing it on the wall clock and in this process's CPU time. */
function timeOnce(work: () => unknown): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Median CPU ms of `planValidScenario` on fresh copies of the large scenario with these options. */
function timeColdPlan(options: LargeScenarioOptions): number {
  const input = createLargeScenario(options);
  const copies = Array.from({ length: SCALING_RUNS + 1 }, () => validateOrThrow(input, 'the large scenario'));
  planValidScenario(copies[SCALING_RUNS]!);
  const times = copies
    .slice(0, SCALING_RUNS)
    .map((scenario) => timeOnce(() => planValidScenario(scenario)).cpu);
  return summarise(times).medianMs;
}

function benchScaling(): void {
  console.log(
    `\n(f) Engine scaling: validated plan of the large scenario (5 strategies), CPU time, median of ${SCALING_RUNS} ` +
      'fresh copies; ratio of the times against ratio of the sizes (linear: equal)',
  );
  const pairs: [string, LargeScenarioOptions, LargeScenarioOptions, number][] = [
    ['models 2,000 → 10,000', { modelCount: 2000 }, { modelCount: 10_000 }, 5],
    ['slices 40 → 200', { sliceCount: 40 }, { sliceCount: 200 }, 5],
    ['months 36 → 120', { horizonMonths: 36 }, { horizonMonths: 120 }, 120 / 36],
  ];
  for (const [label, small, large, sizeRatio] of pairs) {
    const a = timeColdPlan(small);
    const b = timeColdPlan(large);
    console.log(
      `  ${label.padEnd(24)} ${a.toFixed(1).padStart(8)} ms → ${b.toFixed(1).padStart(8)} ms   ` +
        `×${(b / a).toFixed(2)} for ×${sizeRatio.toFixed(2)} the size`,
    );
  }
}

benchScaling();

// --- An edit at real scale: the store's validation and the plan the screens read --------------------------------
const EDIT_SCALE = { modelCount: 10_000, sliceCount: 200, strategyCount: 12 } as const;
const EDIT_RUNS = 7;

function benchEditAtScale(): void {
  const base = validateOrThrow(createLargeScenario(EDIT_SCALE), 'the large scenario');
  console.log(`\n(g) One edit at scale, median of ${EDIT_RUNS} edits (CPU time)`);
  console.log(`  ${describeScenario(base)}`);
  let scenario = base;
  planValidScenario(scenario);
  const validateMs: number[] = [];
  const planMs: number[] = [];
  for (let run = 0; run < EDIT_RUNS; run++) {
    // The Traffic mix's edit: one slice's requests, every other object kept.
    const index = run % scenario.traffic.length;
    const traffic = scenario.traffic.map((slice, i) =>
      i === index ? { ...slice, requestsPerMonth: slice.requestsPerMonth + 1 } : slice,
    );
    let validated: ReturnType<typeof validateScenarioEdit> | undefined;
    validateMs.push(
      timeOnce(() => (validated = validateScenarioEdit({ ...scenario, traffic }, scenario))).cpu,
    );
    if (!validated?.ok) throw new Error('the edited scenario is invalid');
    const next = validated.value;
    planMs.push(timeOnce(() => planValidScenario(next)).cpu);
    scenario = next;
  }
  printTiming('validate the edit', summarise(validateMs));
  printTiming('plan (every figure)', summarise(planMs));

  // Autosave: the envelope of a library holding the large scenario and the default, after an edit of the default.
  const path = existsSync(DEFAULT_SCENARIO) ? DEFAULT_SCENARIO : FALLBACK_SCENARIO;
  const small = validateOrThrow(JSON.parse(readFileSync(path, 'utf8')) as unknown, relative(ROOT, path));
  const ui = { theme: 'light', priceUnit: 'per-million' } as const;
  const encodeMs: number[] = [];
  let edited = small;
  for (let run = 0; run <= EDIT_RUNS; run++) {
    edited = { ...edited, name: `Edit ${run}` };
    const library = [
      { id: 'large', scenario: base },
      { id: 'small', scenario: edited },
    ];
    const cpu = timeOnce(() => encodePersisted({ library, activeId: 'small', ui }, run)).cpu;
    if (run > 0) encodeMs.push(cpu);
  }
  printTiming('autosave text', summarise(encodeMs));
}

benchEditAtScale();

// --- The command line (scripts/simulate.mjs) ----------------------------------------------------------------------
const CLI_RUNS = 5;

function benchCli(): void {
  const path = existsSync(DEFAULT_SCENARIO) ? DEFAULT_SCENARIO : FALLBACK_SCENARIO;
  const args = [relative(ROOT, path), '--format', 'csv'];
  const time = (command: string[]) => {
    const times: number[] = [];
    for (let run = 0; run <= CLI_RUNS; run++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, [...command, ...args], { cwd: ROOT, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`the command line failed: ${result.stderr}`);
      if (run > 0) times.push(performance.now() - start);
    }
    return summarise(times);
  };
  console.log(
    `\n(h) Command line on ${relative(ROOT, path)}, process start to exit, median of ${CLI_RUNS} runs`,
  );
  printTiming('built bundle, node', time(['scripts/simulate.mjs']));
  printTiming('from source via tsx', time(['--import', 'tsx', 'src/cli/main.ts']));
}

benchCli();
