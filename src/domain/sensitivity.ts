/**
 * One-at-a-time sensitivity: which uncertain inputs move a strategy's 12-month spend and cash runway most when
 * each swings across its range while every other input stays at its likely value. The figures behind a tornado
 * chart.
 */
import type { Scenario, Strategy } from './scenario-schema';
import { simulateStrategy } from './simulate';
import type { StrategyResult } from './simulate';
import { isPolicyInput, listUncertainInputs, withInputValues } from './uncertain-inputs';
import type { UncertainInput } from './uncertain-inputs';

/**
 * The figures sensitivity looks at: 12-month spend, cash runway in months, and cash at the end of the horizon
 * (which still tells two ends apart when cash lasts the horizon at both).
 */
export type SensitivityMetric = 'spend' | 'runway' | 'cash';

export type SensitivityOutcome = {
  /** `totals.firstYearSpend` of the strategy: AI spend of months 0–11 (fewer when the horizon is shorter), USD. */
  firstYearSpend: number;
  /** `runwayMonths` of the strategy: the first month cash is below zero; null when cash lasts the horizon. */
  runwayMonths: number | null;
  /** Cash at the end of the horizon's last month (its `cashEnd`), USD; below zero once cash has run out. */
  cashAtHorizonEnd: number;
};

export type SensitivityEntry = {
  input: UncertainInput;
  /** The strategy's outcome with this input at its low value (every other input at its likely value). */
  atLow: SensitivityOutcome;
  /** The strategy's outcome with this input at its high value. */
  atHigh: SensitivityOutcome;
  /**
   * How far this input moves the 12-month spend, USD: the largest minus the smallest of the outcomes at low,
   * likely and high. For an input that moves spend one way this is |at high − at low|.
   */
  spendSwingUsd: number;
  /** The same for runway, in months, counting a runway beyond the horizon as the horizon itself. */
  runwaySwingMonths: number;
  /**
   * The same for cash at the end of the horizon, USD. It separates two ends that both outlast the horizon,
   * where the runway swing is 0.
   */
  cashSwingUsd: number;
  /** Position of the input in document order (traffic, finance, strategies), the last tie-break. */
  order: number;
};

export type SensitivityResult = {
  strategyId: string;
  strategyName: string;
  horizonMonths: number;
  /** The default swing given to inputs without a range, as a fraction (0.2 = ±20 %). */
  swing: number;
  /** The point estimate: every input at its likely value. */
  baseline: SensitivityOutcome;
  /** Sorted by spend swing (largest first), then runway swing, then cash swing, then document order. */
  entries: SensitivityEntry[];
};

export type SensitivityOptions = {
  /** Swing for inputs without a range, as a fraction of their likely value (default 0.2 = ±20 %). */
  swing?: number;
};

/** Two swings closer than this fraction of the larger are a tie (sums in a different order differ by ~1e-16). */
const TIE_TOLERANCE = 1e-9;

function readOutcome(result: StrategyResult): SensitivityOutcome {
  return {
    firstYearSpend: result.totals.firstYearSpend,
    runwayMonths: result.runwayMonths,
    cashAtHorizonEnd: result.months.at(-1)?.cashEnd ?? 0,
  };
}

/** The spread of three figures: largest minus smallest. */
function measureSpread(a: number, b: number, c: number): number {
  return Math.max(a, b, c) - Math.min(a, b, c);
}

/** A runway for comparing sizes: beyond the horizon (null) counts as the horizon itself. */
export function readRunwayForRanking(runwayMonths: number | null, horizonMonths: number): number {
  return runwayMonths ?? horizonMonths;
}

/** The swing of an entry on one metric. */
export function readSwing(entry: SensitivityEntry, metric: SensitivityMetric): number {
  switch (metric) {
    case 'spend':
      return entry.spendSwingUsd;
    case 'runway':
      return entry.runwaySwingMonths;
    case 'cash':
      return entry.cashSwingUsd;
  }
}

/**
 * True when cash lasts the horizon at the input's low value, its likely value and its high value: the runway
 * cannot tell the ends apart, cash at the end of the horizon can.
 */
export function isBeyondHorizonThroughout(
  entry: SensitivityEntry,
  baseline: Pick<SensitivityOutcome, 'runwayMonths'>,
): boolean {
  return (
    entry.atLow.runwayMonths === null && entry.atHigh.runwayMonths === null && baseline.runwayMonths === null
  );
}

/** Tie-breaks after the chosen metric: spend, then runway, then cash at the horizon's end. */
const TIE_BREAK_ORDER: readonly SensitivityMetric[] = ['spend', 'runway', 'cash'];

/** Negative when `a` is clearly larger than `b` (so larger comes first), 0 for a tie. */
function compareDescending(a: number, b: number): number {
  if (Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) return 0;
  return b - a;
}

/**
 * Entries in tornado order for `metric`: the largest swing on that metric first, ties broken by the swing on
 * the others in the order spend, runway, cash at the horizon's end, then by document order. Inputs that move
 * nothing end up at the bottom, in document order. Returns a new array.
 */
export function rankSensitivity(
  entries: readonly SensitivityEntry[],
  metric: SensitivityMetric,
): SensitivityEntry[] {
  const order = [metric, ...TIE_BREAK_ORDER.filter((m) => m !== metric)];
  return [...entries].sort((a, b) => {
    for (const m of order) {
      const compared = compareDescending(readSwing(a, m), readSwing(b, m));
      if (compared !== 0) return compared;
    }
    return a.order - b.order;
  });
}

/** True when the input belongs to another strategy than the one at `strategyIndex` (it cannot move it). */
function isOtherStrategysInput(input: UncertainInput, strategyIndex: number): boolean {
  return input.path.startsWith('strategies[') && !input.path.startsWith(`strategies[${strategyIndex}].`);
}

/**
 * Swings each uncertain input of the scenario across its range, one at a time, and reports how much the
 * strategy's 12-month spend and cash runway move.
 *
 * Method: the inputs are those of `listUncertainInputs(scenario, { includeUnranged: true, swing })` — a
 * user's range `{low, high}` where one is given, else the likely value ±`swing` kept inside the field's limits
 * (growth rates by at least ±1 point; rates, escalation rates and router shares inside 0–1; counts ≥ 0).
 * Quality bars are left out: a bar is a policy the user chose, not an uncertainty, and swinging it past every
 * model's score would rank a choice as the largest risk. Escalation rates and router shares of other
 * strategies are left out too: they cannot move this one. For each input the scenario is rebuilt with that input at its low value, then at
 * its high value (`withInputValues`, router shares rescaled to sum to 1), every other input at its likely
 * value, and only this strategy is simulated (`simulateStrategy`): two runs per input plus one for the
 * baseline. The swing on a metric is the largest minus the smallest of its outcomes at low, likely and high,
 * so an input that pushes spend up at both ends still shows; a runway beyond the horizon (null) counts as
 * the horizon for that size and is reported as null. Cash at the end of the horizon (the last month's
 * `cashEnd`) is measured the same way, so two ends that both outlast the horizon still differ. Inputs that
 * move none of the figures are kept, at the bottom.
 *
 * Returns null when the scenario has no strategy with that id.
 */
export function analyseSensitivity(
  scenario: Scenario,
  strategyId: string,
  options: SensitivityOptions = {},
): SensitivityResult | null {
  const swing = options.swing ?? 0.2;
  const strategyIndex = scenario.strategies.findIndex((s) => s.id === strategyId);
  const strategy = scenario.strategies[strategyIndex];
  if (!strategy) return null;

  const horizon = scenario.horizonMonths;
  const baseline = readOutcome(simulateStrategy(scenario, strategy));
  const baselineRunway = readRunwayForRanking(baseline.runwayMonths, horizon);

  const simulateWith = (input: UncertainInput, value: number): SensitivityOutcome => {
    // An end of the range at the likely value (a hit rate of 0 swung ±20 %) is the baseline itself.
    if (value === input.likely) return baseline;
    const changed = withInputValues(scenario, new Map([[input.key, value]]));
    const changedStrategy: Strategy = changed.strategies[strategyIndex] ?? strategy;
    return readOutcome(simulateStrategy(changed, changedStrategy));
  };

  const inputs = listUncertainInputs(scenario, { includeUnranged: true, swing }).filter(
    (input) => !isPolicyInput(input) && !isOtherStrategysInput(input, strategyIndex),
  );
  const entries = inputs.map((input, order): SensitivityEntry => {
    const atLow = simulateWith(input, input.low);
    const atHigh = simulateWith(input, input.high);
    return {
      input,
      atLow,
      atHigh,
      spendSwingUsd: measureSpread(atLow.firstYearSpend, baseline.firstYearSpend, atHigh.firstYearSpend),
      runwaySwingMonths: measureSpread(
        readRunwayForRanking(atLow.runwayMonths, horizon),
        baselineRunway,
        readRunwayForRanking(atHigh.runwayMonths, horizon),
      ),
      cashSwingUsd: measureSpread(atLow.cashAtHorizonEnd, baseline.cashAtHorizonEnd, atHigh.cashAtHorizonEnd),
      order,
    };
  });

  return {
    strategyId: strategy.id,
    strategyName: strategy.name,
    horizonMonths: horizon,
    swing,
    baseline,
    entries: rankSensitivity(entries, 'spend'),
  };
}
