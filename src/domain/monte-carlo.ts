/**
 * Monte Carlo: how spend, the month credits run out and the cash runway spread when the inputs a user is
 * unsure of vary across their ranges together. Each sample draws every ranged input, runs every strategy on
 * the scenario so drawn, and the samples give percentiles (P10, P50, P90) and the distribution of the months.
 * Pure and seeded: the same scenario, sample count and seed always give the same result.
 */
import { createRandomSource, drawTriangular } from './random';
import type { Scenario } from './scenario-schema';
import { makeOutlineRunner, makePlanPatcher, planStrategy, tabulateMonthlyDrivers } from './simulate';
import type { MonthlyDrivers, StrategyPlan } from './simulate';
import { compileInputValues, findInputReach, listUncertainInputs } from './uncertain-inputs';
import type { UncertainInput } from './uncertain-inputs';

/** The percentiles reported, as fractions. */
export const MONTE_CARLO_PERCENTILES = { p10: 0.1, p50: 0.5, p90: 0.9 } as const;

/** Samples a run takes when none is asked for. */
export const DEFAULT_MONTE_CARLO_SAMPLES = 2000;

/** Samples whose monthly spend is gathered before being written out month by month. */
const BATCH_SAMPLES = 128;

/** Samples between two progress reports of `iterateMonteCarlo` when none is asked for. */
export const DEFAULT_CHUNK_SAMPLES = 250;

export type MonteCarloOptions = {
  /** How many samples to draw: a whole number of 1 or more. */
  samples: number;
  /** Seed of the generator (see `createRandomSource`): a whole number. */
  seed: number;
};

/** Three percentiles of a money figure, USD. */
export type Percentiles = { p10: number; p50: number; p90: number };

/** Three percentiles of a month index; null when that share of samples goes beyond the horizon. */
export type MonthPercentiles = { p10: number | null; p50: number | null; p90: number | null };

export type StrategyMonteCarlo = {
  id: string;
  name: string;
  /** AI spend after discounts, per month of the horizon. */
  monthlySpend: Percentiles[];
  /** `totals.firstYearSpend`: months 0–11 (fewer when the horizon is shorter). */
  firstYearSpend: Percentiles;
  /** `totals.spend`: the whole horizon. */
  horizonSpend: Percentiles;
  /** `creditsExhaustedMonth`; null (never within the horizon, or no pools) counts as later than any month. */
  creditsExhaustedMonth: MonthPercentiles;
  /** `runwayMonths`; null (cash lasts the horizon) counts as later than any month. */
  runwayMonths: MonthPercentiles;
  /**
   * How many samples ran out of credits in each month: `creditsExhaustedCounts[m]` for month m of the
   * horizon, and one more entry, `creditsExhaustedCounts[horizonMonths]`, for samples where they did not
   * within the horizon. Sums to the sample count.
   */
  creditsExhaustedCounts: number[];
  /** The same for the month cash runs out (`runwayMonths`). */
  runwayCounts: number[];
};

export type MonteCarloResult = {
  samples: number;
  seed: number;
  horizonMonths: number;
  /** The inputs drawn: every input with a range, in document order. Empty when none has one. */
  inputs: UncertainInput[];
  strategies: StrategyMonteCarlo[];
};

export type MonteCarloProgress = { samplesDone: number; samples: number };

/**
 * The k-th smallest value (0-based) of `values[from, to)`, found by quickselect (Hoare partition, median of
 * three). Reorders that part of `values` in place.
 */
function selectKth(values: Float64Array, from: number, to: number, k: number): number {
  let left = from;
  let right = to - 1;
  const target = from + k;
  while (right > left) {
    const a = values[left]!;
    const b = values[(left + right) >>> 1]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) right = j;
    else if (target >= i) left = i;
    else return values[target]!;
  }
  return values[target]!;
}

/** The 1-based nearest rank of the percentile `fraction` among `count` values: ⌈fraction · count⌉, at least 1. */
function findNearestRank(count: number, fraction: number): number {
  return Math.min(count, Math.max(1, Math.ceil(fraction * count - 1e-9)));
}

/** Below this many values, percentiles are selected directly rather than by buckets first. */
const BUCKETED_MIN_VALUES = 64;
/** Buckets the values of a bucketed selection are counted into. */
const SELECTION_BUCKETS = 1024;

/** Nearest-rank percentiles of `values[from, to)`, which are reordered in place. */
function measureInPlace(values: Float64Array, from = 0, to = values.length): Percentiles {
  const count = to - from;
  const rank = (fraction: number) => findNearestRank(count, fraction) - 1;
  if (count >= BUCKETED_MIN_VALUES) {
    const bucketed = measureByBuckets(values, from, to, [
      rank(MONTE_CARLO_PERCENTILES.p10),
      rank(MONTE_CARLO_PERCENTILES.p50),
      rank(MONTE_CARLO_PERCENTILES.p90),
    ]);
    if (bucketed) return { p10: bucketed[0]!, p50: bucketed[1]!, p90: bucketed[2]! };
  }
  // Selecting the median leaves the smaller values before it and the larger after, so P10 and P90 are each
  // looked for in their own half only.
  const middle = rank(MONTE_CARLO_PERCENTILES.p50);
  const p50 = selectKth(values, from, to, middle);
  const low = rank(MONTE_CARLO_PERCENTILES.p10);
  const high = rank(MONTE_CARLO_PERCENTILES.p90);
  return {
    p10: low <= middle ? selectKth(values, from, from + middle + 1, low) : selectKth(values, from, to, low),
    p50,
    p90:
      high >= middle
        ? selectKth(values, from + middle, to, high - middle)
        : selectKth(values, from, to, high),
  };
}

/**
 * The values of the given 0-based ranks (ascending) among `values[from, to)`, found without sorting: each value
 * is counted into one of `SELECTION_BUCKETS` buckets by `⌊(value − min) · buckets / (max − min)⌋`, which never
 * puts a larger value in a lower bucket, so a rank's value is found among its bucket's values only. Null when
 * the values do not spread over a finite range (all equal, or an infinity among them): select directly then.
 */
function measureByBuckets(
  values: Float64Array,
  from: number,
  to: number,
  ranks: readonly number[],
): number[] | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const value = values[i]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const spread = max - min;
  if (!(spread > 0 && spread < Infinity)) return null;
  const scale = SELECTION_BUCKETS / spread;
  const last = SELECTION_BUCKETS - 1;
  const counts = new Int32Array(SELECTION_BUCKETS);
  for (let i = from; i < to; i++) counts[Math.min(last, Math.floor((values[i]! - min) * scale))]! += 1;
  // Each rank's bucket, and how many values lie in the buckets below it.
  const buckets: number[] = [];
  const below: number[] = [];
  let bucket = 0;
  let seen = 0;
  for (const rank of ranks) {
    while (bucket <= last && seen + counts[bucket]! <= rank) seen += counts[bucket++]!;
    if (bucket > last) return null; // a value that is not a number was counted nowhere
    buckets.push(bucket);
    below.push(seen);
  }
  // The values of the ranks' buckets (each bucket once, in order), copied out and selected among.
  const starts: number[] = [];
  let size = 0;
  for (let r = 0; r < ranks.length; r++) {
    if (r > 0 && buckets[r] === buckets[r - 1]) starts.push(starts[r - 1]!);
    else {
      starts.push(size);
      size += counts[buckets[r]!]!;
    }
  }
  const chosen = new Float64Array(size);
  const filled = starts.slice();
  const first = buckets[0]!;
  const lastChosen = buckets[ranks.length - 1]!;
  for (let i = from; i < to; i++) {
    const value = values[i]!;
    const at = Math.min(last, Math.floor((value - min) * scale));
    if (at < first || at > lastChosen) continue;
    for (let r = 0; r < ranks.length; r++) {
      if (buckets[r] === at) {
        chosen[filled[r]!++] = value;
        break;
      }
    }
  }
  return ranks.map((rank, r) =>
    selectKth(chosen, starts[r]!, starts[r]! + counts[buckets[r]!]!, rank - below[r]!),
  );
}

/**
 * P10, P50 and P90 of some numbers by the nearest-rank definition: the p-th percentile of n values is the
 * ⌈p·n⌉-th smallest (at least the first). It is always one of the values, so when every value is the same the
 * three percentiles are exactly that value. Infinity sorts last. `values` is not changed.
 */
export function measurePercentiles(values: ArrayLike<number>): Percentiles {
  if (values.length === 0) throw new RangeError('percentiles of no values');
  return measureInPlace(Float64Array.from(values));
}

/** Nearest-rank percentiles of months from their counts (`counts[horizonMonths]` = beyond: null). */
function measureMonthPercentiles(counts: Int32Array, samples: number): MonthPercentiles {
  const beyond = counts.length - 1;
  const pick = (fraction: number): number | null => {
    const rank = findNearestRank(samples, fraction);
    let seen = 0;
    for (let month = 0; month < beyond; month++) {
      seen += counts[month]!;
      if (seen >= rank) return month;
    }
    return null;
  };
  return {
    p10: pick(MONTE_CARLO_PERCENTILES.p10),
    p50: pick(MONTE_CARLO_PERCENTILES.p50),
    p90: pick(MONTE_CARLO_PERCENTILES.p90),
  };
}

function checkOptions({ samples, seed }: MonteCarloOptions): void {
  if (!Number.isInteger(samples) || samples < 1)
    throw new RangeError(`samples must be a whole number of 1 or more, not ${samples}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number, not ${seed}`);
}

/**
 * Runs Monte Carlo in steps, yielding progress every `chunkSamples` samples so that a caller can report it,
 * give way to other work and stop early; its return value is the result. `runMonteCarlo` runs it to the end.
 * See `runMonteCarlo` for the method.
 */
export function* iterateMonteCarlo(
  scenario: Scenario,
  options: MonteCarloOptions,
  chunkSamples = DEFAULT_CHUNK_SAMPLES,
): Generator<MonteCarloProgress, MonteCarloResult, void> {
  checkOptions(options);
  const { samples, seed } = options;
  const horizon = scenario.horizonMonths;
  const strategies = scenario.strategies;
  const inputs = listUncertainInputs(scenario);
  const random = createRandomSource(seed);

  const keys = inputs.map((input) => input.key);
  // A plan depends on slice tokens, rates and bars and on the strategy; the drivers on requests, growth and
  // finance. Whatever no ranged input touches is computed once, and a sample re-plans only the slices its
  // inputs reach (same arithmetic, so the same figures).
  const reach = findInputReach(scenario, keys);
  const basePlans: StrategyPlan[] = strategies.map((strategy) => planStrategy(scenario, strategy));
  const plans = strategies.map((_, s): ((drawn: Scenario) => StrategyPlan) => {
    const slices = reach.replan[s]!;
    const plan = basePlans[s]!;
    return slices.length === 0 ? () => plan : makePlanPatcher(scenario, s, slices, plan);
  });
  const baseDrivers: MonthlyDrivers = tabulateMonthlyDrivers(scenario);
  const base = { scenario, drivers: baseDrivers };
  // Each sample's drivers are written over one copy, and each run's figures into one outline.
  const sampleDrivers = reach.drivers ? tabulateMonthlyDrivers(scenario) : baseDrivers;
  const runOutline = makeOutlineRunner(horizon);

  // Each strategy's monthly spend, month by month: month m of sample i at `m · samples + i`. Samples are
  // gathered a batch at a time (sample by sample) and written a month's row at a time, which memory prefers.
  const monthly = strategies.map(() => new Float64Array(horizon * samples));
  const batches = strategies.map(() => new Float64Array(horizon * BATCH_SAMPLES));
  const flushBatch = (s: number, firstSample: number, count: number) => {
    const spend = monthly[s]!;
    const batch = batches[s]!;
    for (let month = 0; month < horizon; month++) {
      const row = month * samples + firstSample;
      for (let i = 0; i < count; i++) spend[row + i] = batch[i * horizon + month]!;
    }
  };
  const firstYear = strategies.map(() => new Float64Array(samples));
  const wholeHorizon = strategies.map(() => new Float64Array(samples));
  const exhausted = strategies.map(() => new Int32Array(horizon + 1));
  const runway = strategies.map(() => new Int32Array(horizon + 1));
  const draws = new Float64Array(inputs.length);
  const applyDraws = compileInputValues(scenario, keys);

  for (let sample = 0; sample < samples; sample++) {
    if (sample > 0 && sample % chunkSamples === 0) yield { samplesDone: sample, samples };
    // One uniform draw per ranged input, in document order, mapped through that input's triangular inverse
    // CDF: the same seed gives the same draws whatever the ranges (common random numbers).
    for (let i = 0; i < inputs.length; i++) {
      const { low, likely, high } = inputs[i]!;
      draws[i] = drawTriangular(random(), low, likely, high);
    }
    const drawn = inputs.length > 0 ? applyDraws(draws) : scenario;
    const drivers = reach.drivers ? tabulateMonthlyDrivers(drawn, base, sampleDrivers) : baseDrivers;
    for (let s = 0; s < strategies.length; s++) {
      const outline = runOutline(drawn, plans[s]!(drawn), drivers);
      batches[s]!.set(outline.monthlySpend, (sample % BATCH_SAMPLES) * horizon);
      firstYear[s]![sample] = outline.totals.firstYearSpend;
      wholeHorizon[s]![sample] = outline.totals.spend;
      exhausted[s]![outline.creditsExhaustedMonth ?? horizon]! += 1;
      runway[s]![outline.runwayMonths ?? horizon]! += 1;
    }
    const inBatch = (sample % BATCH_SAMPLES) + 1;
    if (inBatch === BATCH_SAMPLES || sample === samples - 1)
      for (let s = 0; s < strategies.length; s++) flushBatch(s, sample + 1 - inBatch, inBatch);
  }
  yield { samplesDone: samples, samples };

  return {
    samples,
    seed,
    horizonMonths: horizon,
    inputs,
    strategies: strategies.map((strategy, s): StrategyMonteCarlo => {
      const spend = monthly[s]!;
      return {
        id: strategy.id,
        name: strategy.name,
        monthlySpend: Array.from({ length: horizon }, (_, month) =>
          measureInPlace(spend, month * samples, (month + 1) * samples),
        ),
        firstYearSpend: measureInPlace(firstYear[s]!),
        horizonSpend: measureInPlace(wholeHorizon[s]!),
        creditsExhaustedMonth: measureMonthPercentiles(exhausted[s]!, samples),
        runwayMonths: measureMonthPercentiles(runway[s]!, samples),
        creditsExhaustedCounts: Array.from(exhausted[s]!),
        runwayCounts: Array.from(runway[s]!),
      };
    }),
  };
}

/**
 * Monte Carlo over the scenario's ranged inputs. The scenario must be valid (see `validateScenario`).
 *
 * Method: each of `samples` samples draws every input that carries a range (`listUncertainInputs`: slice
 * numbers, finance figures, cascade escalation rates, router shares) from a **triangular distribution** with
 * minimum `low`, mode `likely` and maximum `high` (mean (low + likely + high) / 3), independently of the
 * others, using a seeded mulberry32 generator: one uniform draw per input in document order, mapped through
 * the inverse CDF (`drawTriangular`). Inputs without a range stay at their value. The drawn values replace the
 * likely ones (`compileInputValues`; router shares rescaled to sum to 1) and every strategy is run on the result
 * with the engine's own arithmetic (`simulateStrategyOutline`, identical to `simulate`); a sample re-prices only the slices its inputs reach
 * (`makePlanPatcher`).
 *
 * Percentiles are **nearest-rank**: the p-th percentile of n samples is the ⌈p·n⌉-th smallest, so it is
 * always a sampled value, and a scenario without ranges gives P10 = P50 = P90 = `simulate`'s figure exactly.
 * For the month credits run out and the runway, "not within the horizon" (null) ranks after every month; a
 * percentile that lands there is null. Memory: 8 bytes × samples × months × strategies for the monthly fan.
 */
export function runMonteCarlo(scenario: Scenario, options: MonteCarloOptions): MonteCarloResult {
  const steps = iterateMonteCarlo(scenario, options, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The share of samples (0–1) in which a strategy's credits still covered its spend through month `month`
 * (0-based), i.e. ran out after it or not within the horizon. Null when the result has no such strategy or the
 * month is outside the horizon. With no credit pools, credits never "run out" and the share is 1.
 */
export function probabilityCreditsLastPast(
  result: MonteCarloResult,
  strategyId: string,
  month: number,
): number | null {
  const strategy = result.strategies.find((s) => s.id === strategyId);
  if (!strategy || !Number.isInteger(month) || month < 0 || month >= result.horizonMonths) return null;
  let lasted = 0;
  for (let m = month + 1; m <= result.horizonMonths; m++) lasted += strategy.creditsExhaustedCounts[m] ?? 0;
  return lasted / result.samples;
}
