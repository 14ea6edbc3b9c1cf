/**
 * The inputs of a scenario a user may be unsure of — a slice's numbers, the finance block, a cascade's
 * escalation rates, a router's shares — listed with their likely value and their range, and a way to build the
 * scenario with some of them set to other values. Monte Carlo samples them; sensitivity swings them one at a
 * time.
 */
import { FINANCE_RANGE_FIELDS, SLICE_RANGE_FIELDS } from './scenario-schema';
import type { FinanceRangeField, Scenario, SliceRangeField, Strategy } from './scenario-schema';

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
};

const FINANCE_LABELS: Record<FinanceRangeField, string> = {
  cashOnHand: 'cash on hand',
  otherMonthlyBurn: 'other monthly burn',
  monthlyRevenue: 'monthly revenue',
  revenueGrowth: 'revenue growth',
};

/** Fields whose values are fractions of 1 (kept inside 0..1 by the default swing). */
const UNIT_FIELDS = new Set<string>(['cacheHitRate', 'batchShare']);
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
  return { low: Math.min(low, high), high: Math.max(low, high) };
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
  return scenario.traffic.find((s) => s.id === sliceId)?.name || sliceId;
}

function modelName(scenario: Scenario, modelId: string): string {
  return scenario.catalog.find((m) => m.id === modelId)?.name || modelId;
}

/**
 * The scenario with some inputs (by key) set to other values. Router shares of a slice are rescaled to sum to
 * 1 after any of them changes; whole-number fields are not rounded (an average of 612.4 tokens is fine).
 * Inputs not named keep their likely values. The result is a plain Scenario for `simulate`.
 */
export function withInputValues(scenario: Scenario, values: ReadonlyMap<string, number>): Scenario {
  if (values.size === 0) return scenario;
  const traffic = scenario.traffic.map((slice) => {
    let copy: typeof slice | null = null;
    for (const field of SLICE_RANGE_FIELDS) {
      const value = values.get(`traffic/${slice.id}/${field}`);
      if (value === undefined) continue;
      copy ??= { ...slice };
      copy[field] = value;
    }
    return copy ?? slice;
  });
  let finance = scenario.finance;
  for (const field of FINANCE_RANGE_FIELDS) {
    const value = values.get(`finance/${field}`);
    if (value !== undefined) finance = { ...finance, [field]: value };
  }
  const strategies = scenario.strategies.map((strategy): Strategy => {
    if (strategy.kind === 'cascade') {
      let routes: typeof strategy.routes | null = null;
      for (const sliceId of Object.keys(strategy.routes)) {
        const route = strategy.routes[sliceId]!;
        let escalation: number[] | null = null;
        for (let i = 0; i < route.escalation.length; i++) {
          const value = values.get(`strategies/${strategy.id}/${sliceId}/escalation/${i}`);
          if (value === undefined) continue;
          escalation ??= [...route.escalation];
          escalation[i] = value;
        }
        if (escalation) {
          routes ??= copyRecord(strategy.routes);
          routes[sliceId] = { ...route, escalation };
        }
      }
      return routes ? { ...strategy, routes } : strategy;
    }
    if (strategy.kind === 'router') {
      let routes: typeof strategy.routes | null = null;
      for (const sliceId of Object.keys(strategy.routes)) {
        const shares = strategy.routes[sliceId]!;
        let changed = false;
        const next = copyRecord(shares);
        for (const modelId of Object.keys(shares)) {
          const value = values.get(`strategies/${strategy.id}/${sliceId}/share/${modelId}`);
          if (value === undefined) continue;
          next[modelId] = value;
          changed = true;
        }
        if (!changed) continue;
        const total = Object.values(next).reduce((sum, share) => sum + share, 0);
        for (const modelId of Object.keys(next))
          next[modelId] = total > 0 ? next[modelId]! / total : 1 / Object.keys(next).length;
        routes ??= copyRecord(strategy.routes);
        routes[sliceId] = next;
      }
      return routes ? { ...strategy, routes } : strategy;
    }
    return strategy;
  });
  return { ...scenario, traffic, finance, strategies };
}

function copyRecord<T>(record: Record<string, T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(record)) out[key] = record[key]!;
  return out;
}
