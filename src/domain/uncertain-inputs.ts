/**
 * The inputs of a scenario a user may be unsure of — a slice's numbers, the finance block, a cascade's
 * escalation rates, a router's shares — listed with their likely value and their range, and a way to build the
 * scenario with some of them set to other values. Monte Carlo samples them; sensitivity swings them one at a
 * time.
 */
import { findById } from './find-by-id';
import { FINANCE_RANGE_FIELDS, SLICE_RANGE_FIELDS } from './scenario-schema';
import type { FinanceRangeField, Scenario, SliceRangeField, Strategy } from './scenario-schema';
import { mapIdRecord } from './id-record';

export type UncertainInput = {
  /** Stable key within the scenario, e.g. `traffic/bulk/monthlyGrowth`, `strategies/cascade/bulk/escalation/0`. */
  key: string;
  /** For people: "Bulk classify · monthly growth". */
  label: string;
  /** Path in the scenario file, e.g. `traffic[0].monthlyGrowth`. */
  path: string;
  likely: number;
  low: number;
  high: number;
  /** True when the user gave a range; false when the range is the default swing around the likely value. */
  ranged: boolean;
};

const SLICE_LABELS: Record<SliceRangeField, string> = {
  requestsPerMonth: 'requests per month',
  inputTokens: 'input tokens',
  outputTokens: 'output tokens',
  cachedPrefixTokens: 'cached prefix tokens',
  cacheHitRate: 'cache hit rate',
  batchShare: 'batch share',
  qualityBar: 'quality bar',
  monthlyGrowth: 'monthly growth',
  reasoningTokens: 'reasoning tokens',
};

const FINANCE_LABELS: Record<FinanceRangeField, string> = {
  cashOnHand: 'cash on hand',
  otherMonthlyBurn: 'other monthly burn',
  monthlyRevenue: 'monthly revenue',
  revenueGrowth: 'revenue growth',
};

/**
 * Fields whose values are fractions of 1 (kept inside 0..1 by the default swing). A cascade's escalation rates
 * and a router's shares are listed under `cacheHitRate` for this reason.
 */
const UNIT_FIELDS = new Set<string>(['cacheHitRate', 'batchShare']);
/** Counts of requests or tokens: never below 0, whatever the swing. */
const COUNT_FIELDS = new Set<string>([
  'requestsPerMonth',
  'inputTokens',
  'outputTokens',
  'cachedPrefixTokens',
  'reasoningTokens',
]);
/** Growth rates: swung in absolute terms (±20 % of 0 growth is still 0). */
const GROWTH_FIELDS = new Set<string>(['monthlyGrowth', 'revenueGrowth']);

/**
 * The default swing for an input without a range: ±`swing` of its value (±20 % by default), kept inside the
 * field's limits — rates stay in 0..1, counts stay ≥ 0, and growth swings by ±`swing` × |growth| but at least
 * ±1 point per month, so that "no growth" is still tested.
 */
function defaultRange(field: string, likely: number, swing: number): { low: number; high: number } {
  if (GROWTH_FIELDS.has(field)) {
    const delta = Math.max(Math.abs(likely) * swing, 0.01);
    return { low: Math.max(likely - delta, -0.99), high: likely + delta };
  }
  const low = likely * (1 - swing);
  const high = likely * (1 + swing);
  if (UNIT_FIELDS.has(field))
    return { low: Math.max(0, Math.min(low, high)), high: Math.min(1, Math.max(low, high)) };
  if (COUNT_FIELDS.has(field)) return { low: Math.max(0, Math.min(low, high)), high: Math.max(0, low, high) };
  return { low: Math.min(low, high), high: Math.max(low, high) };
}

/**
 * True for an input that is a choice rather than an uncertainty: a slice's quality bar is the user's policy
 * (what answers are good enough), not a figure they are unsure of, so sensitivity never swings it. Keys end
 * with the field name (ids may hold "/", field names never do).
 */
export function isPolicyInput(input: Pick<UncertainInput, 'key'>): boolean {
  return input.key.startsWith('traffic/') && input.key.endsWith('/qualityBar');
}

export type ListOptions = {
  /** Also list inputs without a range, with the default swing. Default false: only ranged inputs. */
  includeUnranged?: boolean;
  /** The default swing as a fraction of the value (0.2 = ±20 %). */
  swing?: number;
};

/** Every uncertain input of the scenario, in document order. */
export function listUncertainInputs(scenario: Scenario, options: ListOptions = {}): UncertainInput[] {
  const includeUnranged = options.includeUnranged ?? false;
  const swing = options.swing ?? 0.2;
  const inputs: UncertainInput[] = [];
  const add = (
    key: string,
    label: string,
    path: string,
    field: string,
    likely: number,
    range: { low: number; high: number } | null | undefined,
  ) => {
    if (range) inputs.push({ key, label, path, likely, low: range.low, high: range.high, ranged: true });
    else if (includeUnranged)
      inputs.push({ key, label, path, likely, ...defaultRange(field, likely, swing), ranged: false });
  };

  scenario.traffic.forEach((slice, index) => {
    for (const field of SLICE_RANGE_FIELDS) {
      add(
        `traffic/${slice.id}/${field}`,
        `${slice.name || slice.id} · ${SLICE_LABELS[field]}`,
        `traffic[${index}].${field}`,
        field,
        slice[field],
        slice.ranges?.[field],
      );
    }
  });
  for (const field of FINANCE_RANGE_FIELDS) {
    add(
      `finance/${field}`,
      `Finance · ${FINANCE_LABELS[field]}`,
      `finance.${field}`,
      field,
      scenario.finance[field],
      scenario.finance.ranges?.[field],
    );
  }
  scenario.strategies.forEach((strategy, index) => {
    if (strategy.kind === 'cascade') {
      for (const sliceId of Object.keys(strategy.routes)) {
        const route = strategy.routes[sliceId]!;
        route.escalation.forEach((rate, i) => {
          add(
            `strategies/${strategy.id}/${sliceId}/escalation/${i}`,
            `${strategy.name} · ${sliceName(scenario, sliceId)} · escalation ${i + 1}`,
            `strategies[${index}].routes.${sliceId}.escalation[${i}]`,
            'cacheHitRate',
            rate,
            route.escalationRanges?.[i],
          );
        });
      }
    }
    if (strategy.kind === 'router') {
      for (const sliceId of Object.keys(strategy.routes)) {
        const shares = strategy.routes[sliceId]!;
        const ranges =
          strategy.shareRanges && Object.hasOwn(strategy.shareRanges, sliceId)
            ? strategy.shareRanges[sliceId]
            : undefined;
        // A single share of 1 cannot move without another to take up the difference.
        if (Object.keys(shares).length < 2) continue;
        for (const modelId of Object.keys(shares)) {
          add(
            `strategies/${strategy.id}/${sliceId}/share/${modelId}`,
            `${strategy.name} · ${sliceName(scenario, sliceId)} · share of ${modelName(scenario, modelId)}`,
            `strategies[${index}].routes.${sliceId}.${modelId}`,
            'cacheHitRate',
            shares[modelId]!,
            ranges && Object.hasOwn(ranges, modelId) ? ranges[modelId] : undefined,
          );
        }
      }
    }
  });
  return inputs;
}

function sliceName(scenario: Scenario, sliceId: string): string {
  return findById(scenario.traffic, sliceId)?.name || sliceId;
}

function modelName(scenario: Scenario, modelId: string): string {
  return findById(scenario.catalog, modelId)?.name || modelId;
}

/**
 * The scenario with some inputs (by key) set to other values. Router shares of a slice are rescaled to sum to
 * 1 after any of them changes; whole-number fields are not rounded (an average of 612.4 tokens is fine).
 * Inputs not named keep their likely values. The result is a plain Scenario for `simulate`.
 */
export function withInputValues(scenario: Scenario, values: ReadonlyMap<string, number>): Scenario {
  if (values.size === 0) return scenario;
  const keys = [...values.keys()];
  return compileInputValues(scenario, keys)(keys.map((key) => values.get(key)!));
}

/**
 * `withInputValues` for many draws of the same inputs: finds once where each key lands in the scenario, and
 * returns a function that builds the scenario from `values[i]` for `keys[i]`, copying only the objects that
 * change. Monte Carlo calls it once per sample.
 */
export function compileInputValues(
  scenario: Scenario,
  keys: readonly string[],
): (values: ArrayLike<number>) => Scenario {
  const { sliceTargets, financeTargets, strategyTargets } = locateInputs(scenario, keys);
  return (values) => {
    let traffic = scenario.traffic;
    if (sliceTargets.length > 0) {
      traffic = [...traffic];
      for (const { slice, fields } of sliceTargets) {
        const copy = { ...scenario.traffic[slice]! };
        for (const [field, i] of fields) copy[field] = values[i]!;
        traffic[slice] = copy;
      }
    }
    let finance = scenario.finance;
    if (financeTargets.length > 0) {
      finance = { ...finance };
      for (const [field, i] of financeTargets) finance[field] = values[i]!;
    }
    let strategies = scenario.strategies;
    if (strategyTargets.length > 0) {
      strategies = [...strategies];
      for (const { strategy: strategyIndex, routes: targets } of strategyTargets) {
        strategies[strategyIndex] = applyRouteValues(scenario.strategies[strategyIndex]!, targets, values);
      }
    }
    return { ...scenario, traffic, finance, strategies };
  };
}

/** Slice fields that only set how many requests a slice makes month by month, not what each one costs. */
const REQUEST_FIELDS = new Set<SliceRangeField>(['requestsPerMonth', 'monthlyGrowth']);

/**
 * What the inputs `keys` can change when `compileInputValues` sets them: `drivers`, whether any is a slice's
 * requests or growth or a finance figure (the month-by-month requests and cash); `replan[k]`, the indexes (in
 * traffic order) of the slices whose plan under strategy k they can change: a slice's other fields change its
 * plan under every strategy, and a strategy's escalation rates or shares for a slice its plan of that slice.
 */
export function findInputReach(
  scenario: Scenario,
  keys: readonly string[],
): { drivers: boolean; replan: number[][] } {
  const { sliceTargets, financeTargets, strategyTargets } = locateInputs(scenario, keys);
  const replan = scenario.strategies.map(() => new Set<number>());
  let drivers = financeTargets.length > 0;
  for (const { slice, fields } of sliceTargets) {
    for (const [field] of fields) {
      if (REQUEST_FIELDS.has(field)) drivers = true;
      else for (const slices of replan) slices.add(slice);
    }
  }
  for (const { strategy, routes } of strategyTargets) {
    for (const { sliceId } of routes) {
      const slice = scenario.traffic.findIndex((candidate) => candidate.id === sliceId);
      if (slice >= 0) replan[strategy]!.add(slice);
    }
  }
  return { drivers, replan: replan.map((slices) => [...slices].sort((a, b) => a - b)) };
}

/** Where each of the inputs `keys` lands in the scenario: `[field or step or model id, index in keys]`. */
function locateInputs(scenario: Scenario, keys: readonly string[]) {
  const indexOf = new Map(keys.map((key, i) => [key, i]));
  const sliceTargets: { slice: number; fields: [SliceRangeField, number][] }[] = [];
  scenario.traffic.forEach((slice, sliceIndex) => {
    const fields: [SliceRangeField, number][] = [];
    for (const field of SLICE_RANGE_FIELDS) {
      const i = indexOf.get(`traffic/${slice.id}/${field}`);
      if (i !== undefined) fields.push([field, i]);
    }
    if (fields.length > 0) sliceTargets.push({ slice: sliceIndex, fields });
  });
  const financeTargets: [FinanceRangeField, number][] = [];
  for (const field of FINANCE_RANGE_FIELDS) {
    const i = indexOf.get(`finance/${field}`);
    if (i !== undefined) financeTargets.push([field, i]);
  }
  type RouteTarget = { sliceId: string; values: [string | number, number][] };
  const strategyTargets: { strategy: number; routes: RouteTarget[] }[] = [];
  scenario.strategies.forEach((strategy, strategyIndex) => {
    const routes: RouteTarget[] = [];
    if (strategy.kind === 'cascade') {
      for (const sliceId of Object.keys(strategy.routes)) {
        const rates: [number, number][] = [];
        strategy.routes[sliceId]!.escalation.forEach((_, step) => {
          const i = indexOf.get(`strategies/${strategy.id}/${sliceId}/escalation/${step}`);
          if (i !== undefined) rates.push([step, i]);
        });
        if (rates.length > 0) routes.push({ sliceId, values: rates });
      }
    }
    if (strategy.kind === 'router') {
      for (const sliceId of Object.keys(strategy.routes)) {
        const shares: [string, number][] = [];
        for (const modelId of Object.keys(strategy.routes[sliceId]!)) {
          const i = indexOf.get(`strategies/${strategy.id}/${sliceId}/share/${modelId}`);
          if (i !== undefined) shares.push([modelId, i]);
        }
        if (shares.length > 0) routes.push({ sliceId, values: shares });
      }
    }
    if (routes.length > 0) strategyTargets.push({ strategy: strategyIndex, routes });
  });
  return { sliceTargets, financeTargets, strategyTargets };
}

/** A cascade's escalation rates or a router's shares set from `values`; shares rescaled to sum to 1. */
function applyRouteValues(
  strategy: Strategy,
  targets: readonly { sliceId: string; values: readonly [string | number, number][] }[],
  values: ArrayLike<number>,
): Strategy {
  if (strategy.kind === 'cascade') {
    const routes = mapIdRecord(strategy.routes);
    for (const target of targets) {
      const route = strategy.routes[target.sliceId]!;
      const escalation = [...route.escalation];
      for (const [step, i] of target.values) escalation[step as number] = values[i]!;
      routes[target.sliceId] = { ...route, escalation };
    }
    return { ...strategy, routes };
  }
  if (strategy.kind === 'router') {
    const routes = mapIdRecord(strategy.routes);
    for (const target of targets) {
      const next = mapIdRecord(strategy.routes[target.sliceId]!);
      for (const [modelId, i] of target.values) next[modelId as string] = values[i]!;
      const total = Object.values(next).reduce((sum, share) => sum + share, 0);
      for (const modelId of Object.keys(next))
        next[modelId] = total > 0 ? next[modelId]! / total : 1 / Object.keys(next).length;
      routes[target.sliceId] = next;
    }
    return { ...strategy, routes };
  }
  return strategy;
}
