/**
 * Goal seeking on runway: how fast the whole traffic may grow while cash still lasts a chosen number of
 * months, and how many more credits it takes for cash to last to a chosen month.
 *
 * "Cash lasts N months" means months 0…N−1 all close with cash ≥ 0: `runwayMonths` (the first month whose
 * closing cash is below zero) is null or at least N. N is capped at the horizon, beyond which nothing is known.
 */
import type { CreditPool, Scenario, Strategy } from './scenario-schema';
import { simulateStrategy } from './simulate';
import type { StrategyResult } from './simulate';

/** The growth range searched, per month: from −99 % (traffic all but gone) to +1,000 %. */
export const GROWTH_SEARCH_MIN = -0.99;
export const GROWTH_SEARCH_MAX = 10;
/** Bisection stops when the bracket is this narrow (0.00001 % per month). */
export const GROWTH_TOLERANCE = 1e-7;

/** Whether cash lasts `months` months: no closing balance below zero in months 0…months−1. */
export function isRunwayAtLeast(result: Pick<StrategyResult, 'runwayMonths'>, months: number): boolean {
  return result.runwayMonths === null || result.runwayMonths >= months;
}

/** The months a goal is checked over: a whole number from 1 to the horizon. */
function clampMonths(scenario: Scenario, months: number): number {
  return Math.max(1, Math.min(scenario.horizonMonths, Math.floor(months)));
}

/**
 * The scenario with every slice's `monthlyGrowth` set to `growth`: "the whole traffic grows `growth` a month"
 * (each slice keeps its own first-month volume). A growth range on a slice no longer applies and is dropped.
 */
export function withUniformGrowth(scenario: Scenario, growth: number): Scenario {
  return {
    ...scenario,
    traffic: scenario.traffic.map((slice) => {
      if (!slice.ranges?.monthlyGrowth) return { ...slice, monthlyGrowth: growth };
      const ranges = { ...slice.ranges };
      delete ranges.monthlyGrowth;
      return { ...slice, monthlyGrowth: growth, ranges };
    }),
  };
}

export type GrowthGoal = {
  /**
   * `growth`: the largest growth found; `unreachable`: cash runs out before `months` even at −99 %/month (the
   * other burn, or month 0's spend, does it); `unbounded`: cash lasts even at +1,000 %/month.
   */
  status: 'growth' | 'unreachable' | 'unbounded';
  /** Months cash must last (capped at the horizon). */
  months: number;
  /** Largest monthly growth of every slice at which cash lasts `months` (within `GROWTH_TOLERANCE`); null when unreachable. */
  maxMonthlyGrowth: number | null;
  /** The strategy's result at `maxMonthlyGrowth` (at −99 % when unreachable). */
  result: StrategyResult;
};

/**
 * The largest monthly growth, applied to every slice alike (`withUniformGrowth`), at which the strategy's
 * cash and credits still last `months` months.
 *
 * Bisection on growth over [−99 %, +1,000 %] to `GROWTH_TOLERANCE`. It relies on runway never lengthening as
 * growth rises: each slice's requests in month t, `requestsPerMonth · (1 + g)^t`, rise with g (month 0 is
 * fixed), per-token spend rises with requests, capacity units never fall as tokens rise, and more spend in a month
 * can only move credits earlier, never lower the cash paid up to any month. The property tests check it.
 */
export function findMaxUniformGrowth(scenario: Scenario, strategy: Strategy, months: number): GrowthGoal {
  const target = clampMonths(scenario, months);
  const run = (growth: number) => simulateStrategy(withUniformGrowth(scenario, growth), strategy);

  const lowest = run(GROWTH_SEARCH_MIN);
  if (!isRunwayAtLeast(lowest, target)) {
    return { status: 'unreachable', months: target, maxMonthlyGrowth: null, result: lowest };
  }
  const highest = run(GROWTH_SEARCH_MAX);
  if (isRunwayAtLeast(highest, target)) {
    return { status: 'unbounded', months: target, maxMonthlyGrowth: GROWTH_SEARCH_MAX, result: highest };
  }
  let low = GROWTH_SEARCH_MIN;
  let lowResult = lowest;
  let high = GROWTH_SEARCH_MAX;
  while (high - low > GROWTH_TOLERANCE) {
    const middle = (low + high) / 2;
    const result = run(middle);
    if (isRunwayAtLeast(result, target)) {
      low = middle;
      lowResult = result;
    } else {
      high = middle;
    }
  }
  return { status: 'growth', months: target, maxMonthlyGrowth: low, result: lowResult };
}

export type CreditGoal = {
  /**
   * `enough`: cash already lasts `months` (amount 0); `amount`: `amount` more credits make it last;
   * `unreachable`: even credits paying all the strategy's AI spend on the covered platforms fall short.
   */
  status: 'enough' | 'amount' | 'unreachable';
  /** Months cash must last (capped at the horizon). */
  months: number;
  /** Smallest extra pool, USD to the cent; null when unreachable. */
  amount: number | null;
  /** The pool the amount goes into: starts in month 0, never expires, drawn after every other pool. */
  pool: CreditPool;
  /** When unreachable: the first month cash still closes below zero with unlimited credits. */
  shortMonth: number | null;
  /** The strategy's result with the pool (unlimited when unreachable). */
  result: StrategyResult;
};

function makePoolId(scenario: Scenario): string {
  const taken = new Set(scenario.credits.map((pool) => pool.id));
  let id = 'extra-credits';
  for (let n = 2; taken.has(id); n++) id = `extra-credits-${n}`;
  return id;
}

/**
 * The smallest amount, to the cent, of a new credit pool that makes the strategy's cash last `months` months.
 * The pool starts in month 0, never expires and pays spend on `appliesTo` (every platform by default; pass
 * `['bedrock']` for AWS programmes).
 *
 * Closed form, then checked with the engine. Pools are drawn soonest-ending first and never-ending last in list
 * order, so the new pool (appended) is drawn after every existing pool and leaves their draws unchanged; it pays
 * `U(t)`, the covered spend the other pools leave to cash up to month t, until its amount A runs out. So
 * `cash_A(t) = cash_0(t) + min(A, U(t))`, and cash lasts when `A ≥ max(0, −cash_0(t))` for every t < months,
 * which is possible only if `cash_0(t) + U(t) ≥ 0` for each of them. `U` comes from a run with an unlimited
 * pool. The amount is rounded up to the cent and checked: when the engine disagrees by a cent either way (float
 * rounding), a bisection on whole cents settles it.
 */
export function findCreditsNeeded(
  scenario: Scenario,
  strategy: Strategy,
  months: number,
  appliesTo: readonly string[] = ['*'],
): CreditGoal {
  const target = clampMonths(scenario, months);
  const makePool = (amount: number): CreditPool => ({
    id: makePoolId(scenario),
    name: 'Extra credits',
    amount,
    startMonth: 0,
    expiresAfterMonths: null,
    appliesTo: [...appliesTo],
  });
  const runWith = (amount: number) =>
    simulateStrategy({ ...scenario, credits: [...scenario.credits, makePool(amount)] }, strategy);

  const base = runWith(0);
  if (isRunwayAtLeast(base, target)) {
    return { status: 'enough', months: target, amount: 0, pool: makePool(0), shortMonth: null, result: base };
  }
  const unlimited = runWith(Infinity);
  if (!isRunwayAtLeast(unlimited, target)) {
    return {
      status: 'unreachable',
      months: target,
      amount: null,
      pool: makePool(Infinity),
      shortMonth: unlimited.runwayMonths,
      result: unlimited,
    };
  }
  let needed = 0;
  for (const month of base.months.slice(0, target)) needed = Math.max(needed, -month.cashEnd);
  const works = (cents: number) => isRunwayAtLeast(runWith(cents / 100), target);
  let cents = Math.ceil(needed * 100);
  if (!(works(cents) && (cents === 0 || !works(cents - 1)))) {
    // Float rounding put the closed form a cent off: bisect on whole cents. An amount a cent above all the
    // unlimited pool paid before the target month works (it never runs dry there); no credits at all do not.
    let paid = 0;
    for (const month of unlimited.months.slice(0, target))
      paid += month.creditsDrawn[makePoolId(scenario)] ?? 0;
    let low = 0;
    let high = Math.ceil(paid * 100) + 1;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (works(middle)) high = middle;
      else low = middle;
    }
    cents = high;
  }
  const result = runWith(cents / 100);
  const amount = cents / 100;
  return { status: 'amount', months: target, amount, pool: makePool(amount), shortMonth: null, result };
}
