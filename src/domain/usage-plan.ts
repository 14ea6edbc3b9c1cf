/**
 * From usage to a plan: the records a usage file holds become traffic slices (one per model, or per tag,
 * project or API key and model, batch traffic apart), each mapped to a catalog row, with a "Today" strategy that
 * routes every slice where it went, and the scenario the user may accept in place of their traffic.
 */
import { makeSliceId, makeUniqueId } from './ids';
import type { Model, Scenario, Slice, Strategy } from './scenario-schema';
import { mapUsageModel, usageModelKey } from './usage-mapping';
import type { UsageModelRef } from './usage-mapping';
import { emptyTokens, sumCost, sumInputTokens, sumTokens, TOKEN_CLASSES } from './usage-records';
import type { CostClass, TokenCounts, UsageGroupBy, UsageRecord } from './usage-records';
import { validateScenario } from './validate-scenario';
import type { ValidationIssue } from './validate-scenario';

export type UsagePlanOptions = {
  groupBy: UsageGroupBy;
  /**
   * Input tokens (uncached, cache reads and writes) per request, used to count requests where the file does not
   * (a bill, Anthropic's usage report): `requests = input tokens / inputTokensPerRequest`.
   */
  inputTokensPerRequest: number;
  /** The user's mapping of a file's model name to a catalog id, over the automatic one. */
  mapping: ReadonlyMap<string, string>;
};

export const DEFAULT_INPUT_TOKENS_PER_REQUEST = 4000;

/** Tokens and requests of one slice in one month. */
export type MonthUsage = { tokens: TokenCounts; requests: number; requestsEstimated: boolean };

/** A derived slice: the slice itself, its catalog row, and the usage behind it month by month. */
export type UsageSlice = {
  slice: Slice;
  model: Model;
  /** The file's value of the grouping label (the model name when grouping by model); null when the row had none. */
  group: string | null;
  batch: boolean;
  /** Regions the file gives for this usage, sorted. */
  regions: string[];
  /** By imported month (`months` order). */
  byMonth: MonthUsage[];
};

/** A model the file names that no per-token catalog row matches, with its tokens and billed cost. */
export type UnmappedModel = { model: string; platform: string | null; tokens: number; cost: number };

/** How each model the file names was mapped. */
export type ModelMapping = UsageModelRef & { modelId: string | null };

/** Billed cost in one month, by what it paid for, per catalog row (or per unmapped model name). */
export type MonthBill = {
  byModel: Map<string, Record<CostClass, number>>;
  /** True when some record of the month carried a cost. */
  costKnown: boolean;
};

export type UsagePlan = {
  /** Imported months, `YYYY-MM`, consecutive from the first to the last (months with no usage included). */
  months: string[];
  slices: UsageSlice[];
  todayStrategyId: string;
  mappings: ModelMapping[];
  unmapped: UnmappedModel[];
  bills: MonthBill[];
  /** Records whose cost names no model (billed to the month, not to a model). */
  unassignedCost: number[];
  /** True when some requests were estimated from tokens. */
  requestsEstimated: boolean;
  /** The scenario to accept: the derived traffic, Today first, the other strategies adapted; null with `issues`. */
  scenario: Scenario | null;
  issues: ValidationIssue[];
};

/** The month after `month` (`2026-12` → `2027-01`). */
export function nextMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last` inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out = [first];
  while (out[out.length - 1]! < last) out.push(nextMonth(out[out.length - 1]!));
  return out;
}

/**
 * Monthly growth and the fitted volume at month index `at`, from volumes by month index: least squares on
 * `ln(volume) = a + b·t` over the months with volume > 0, growth `e^b − 1`. With fewer than two such months,
 * growth 0 and the last volume. Example: volumes 100, 110, 121 give b = ln 1.1, growth 0.1, and at t = 3, 133.1.
 */
export function fitMonthlyGrowth(volumes: readonly number[], at: number): { growth: number; volume: number } {
  const points = volumes.flatMap((volume, t) => (volume > 0 ? [[t, Math.log(volume)] as const] : []));
  if (points.length < 2) return { growth: 0, volume: points.length === 1 ? volumes[points[0]![0]]! : 0 };
  const n = points.length;
  const meanT = points.reduce((sum, [t]) => sum + t, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [t, y] of points) {
    sxy += (t - meanT) * (y - meanY);
    sxx += (t - meanT) ** 2;
  }
  const b = sxy / sxx;
  const a = meanY - b * meanT;
  return { growth: Math.expm1(b), volume: Math.exp(a + b * at) };
}

/** A slice's per-request figures from its tokens and requests (0 requests: all zero). */
export function sliceFigures(
  tokens: TokenCounts,
  requests: number,
): Pick<Slice, 'inputTokens' | 'outputTokens' | 'cachedPrefixTokens' | 'cacheHitRate' | 'cacheTtl'> {
  const writes = tokens.cacheWrite5m + tokens.cacheWrite1h;
  const cached = tokens.cacheRead + writes;
  return {
    inputTokens: requests > 0 ? sumInputTokens(tokens) / requests : 0,
    outputTokens: requests > 0 ? tokens.output / requests : 0,
    cachedPrefixTokens: requests > 0 ? cached / requests : 0,
    cacheHitRate: cached > 0 ? tokens.cacheRead / cached : 0,
    cacheTtl: tokens.cacheWrite1h > tokens.cacheWrite5m ? '1h' : '5m',
  };
}

function groupValue(record: UsageRecord, groupBy: UsageGroupBy): string | null {
  return groupBy === 'model' ? record.model : record.groups[groupBy];
}

const GROUP_NONE: Record<UsageGroupBy, string> = {
  model: 'no model',
  tag: 'no tag',
  project: 'no project',
  apiKey: 'no API key',
};

/**
 * Strategies of `base` adapted to the derived slices: routes to slices that no longer exist are dropped, and a
 * strategy with no fallback sends each new slice where it goes today (assign: that model; cascade: one step;
 * router: share 1). Single and cheapest-meeting-bar strategies need nothing.
 */
export function adaptStrategies(base: readonly Strategy[], today: ReadonlyMap<string, string>): Strategy[] {
  /** The routes kept for slices that exist, and (without a fallback) today's model for the others. */
  const keep = <T>(
    routes: Record<string, T>,
    fallback: string | undefined,
    fill: (modelId: string) => T,
  ): Record<string, T> => {
    const out = Object.create(null) as Record<string, T>;
    for (const [sliceId, modelId] of today) {
      if (Object.hasOwn(routes, sliceId)) out[sliceId] = routes[sliceId]!;
      else if (fallback === undefined) out[sliceId] = fill(modelId);
    }
    return out;
  };
  return base.map((strategy): Strategy => {
    switch (strategy.kind) {
      case 'single':
      case 'cheapest-meeting-bar':
        return strategy;
      case 'assign':
        return { ...strategy, routes: keep(strategy.routes, strategy.fallback, (modelId) => modelId) };
      case 'cascade':
        return {
          ...strategy,
          routes: keep(strategy.routes, strategy.fallback, (modelId) => ({
            steps: [modelId],
            escalation: [],
          })),
        };
      case 'router': {
        // Share ranges belong to the routes of the old slices.
        const rest = { ...strategy };
        delete rest.shareRanges;
        return {
          ...rest,
          routes: keep(strategy.routes, strategy.fallback, (modelId) => {
            const shares = Object.create(null) as Record<string, number>;
            shares[modelId] = 1;
            return shares;
          }),
        };
      }
    }
  });
}

type SliceAccumulator = {
  key: string;
  group: string | null;
  batch: boolean;
  model: Model;
  regions: Set<string>;
  byMonth: MonthUsage[];
};

/**
 * Derives the plan from usage records: slices (per model, or per `groupBy` label and model; batch traffic its own
 * slice with `batchShare` 1), each slice's figures the averages over every imported month
 * (`inputTokens = all input / requests`, `cachedPrefixTokens = (cache reads + writes) / requests`,
 * `cacheHitRate = reads / (reads + writes)`, `cacheTtl` the TTL with more writes), `requestsPerMonth` and
 * `monthlyGrowth` fitted to the months (`fitMonthlyGrowth`, at the month after the last imported one, which
 * becomes the scenario's `startMonth`), and a "Today" assign strategy routing each slice to its catalog row.
 * `catalog` is the scenario's catalog followed by any reference rows the mapping may also use; rows used from
 * beyond the scenario's catalog are added to it.
 */
export function deriveUsagePlan(
  records: readonly UsageRecord[],
  base: Scenario,
  catalog: readonly Model[],
  options: UsagePlanOptions,
): UsagePlan {
  const monthsSeen = records.map((record) => record.month).sort();
  const months = monthsSeen.length > 0 ? monthRange(monthsSeen[0]!, monthsSeen[monthsSeen.length - 1]!) : [];
  const monthIndex = new Map(months.map((month, i) => [month, i]));
  const mappingCache = new Map<string, Model | null>();
  const mappings: ModelMapping[] = [];
  const unmapped = new Map<string, UnmappedModel>();
  const accumulators = new Map<string, SliceAccumulator>();
  const bills: MonthBill[] = months.map(() => ({ byModel: new Map(), costKnown: false }));
  const unassignedCost = months.map(() => 0);
  let requestsEstimated = false;

  for (const record of records) {
    const t = monthIndex.get(record.month)!;
    const bill = bills[t]!;
    if (record.costKnown) bill.costKnown = true;
    if (record.model === null) {
      unassignedCost[t]! += sumCost(record);
      continue;
    }
    const key = usageModelKey(record);
    if (!mappingCache.has(key)) {
      const model = mapUsageModel(record, catalog, options.mapping);
      mappingCache.set(key, model);
      mappings.push({
        model: record.model,
        platform: record.platform,
        region: record.region,
        modelId: model?.id ?? null,
      });
    }
    const model = mappingCache.get(key)!;
    const billKey = model?.id ?? record.model;
    const costs = bill.byModel.get(billKey) ?? {
      input: 0,
      cacheRead: 0,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: 0,
      tokens: 0,
      other: 0,
    };
    for (const cls of Object.keys(costs) as CostClass[]) costs[cls] += record.costByClass[cls];
    bill.byModel.set(billKey, costs);

    if (!model) {
      const entry = unmapped.get(record.model) ?? {
        model: record.model,
        platform: record.platform,
        tokens: 0,
        cost: 0,
      };
      entry.tokens += sumTokens(record.tokens);
      entry.cost += sumCost(record);
      unmapped.set(record.model, entry);
      continue;
    }
    if (sumTokens(record.tokens) === 0) continue;
    const group = groupValue(record, options.groupBy);
    const sliceKey = JSON.stringify([options.groupBy === 'model' ? null : group, model.id, record.batch]);
    let acc = accumulators.get(sliceKey);
    if (!acc) {
      acc = {
        key: sliceKey,
        group,
        batch: record.batch,
        model,
        regions: new Set(),
        byMonth: months.map(() => ({ tokens: emptyTokens(), requests: 0, requestsEstimated: false })),
      };
      accumulators.set(sliceKey, acc);
    }
    if (record.region) acc.regions.add(record.region);
    const usage = acc.byMonth[t]!;
    for (const cls of TOKEN_CLASSES) usage.tokens[cls] += record.tokens[cls];
    if (record.requestsUnknown) {
      usage.requests += sumInputTokens(record.tokens) / options.inputTokensPerRequest;
      usage.requestsEstimated = true;
      requestsEstimated = true;
    } else usage.requests += record.requests;
  }

  const takenIds = new Set<string>();
  const slices: UsageSlice[] = [...accumulators.values()].map((acc) => {
    const tokens = emptyTokens();
    let requests = 0;
    for (const usage of acc.byMonth) {
      for (const cls of TOKEN_CLASSES) tokens[cls] += usage.tokens[cls];
      requests += usage.requests;
    }
    const fit = fitMonthlyGrowth(
      acc.byMonth.map((usage) => usage.requests),
      months.length,
    );
    const label =
      options.groupBy === 'model'
        ? acc.model.name
        : `${acc.group ?? GROUP_NONE[options.groupBy]} · ${acc.model.name}`;
    const name = acc.batch ? `${label} (batch)` : label;
    const id = makeSliceId(name, takenIds);
    takenIds.add(id);
    const slice: Slice = {
      id,
      name,
      requestsPerMonth: fit.volume,
      ...sliceFigures(tokens, requests),
      batchShare: acc.batch ? 1 : 0,
      qualityBar: 0,
      monthlyGrowth: fit.growth,
      regions: null,
      reasoningTokens: 0,
    };
    return {
      slice,
      model: acc.model,
      group: acc.group,
      batch: acc.batch,
      regions: [...acc.regions].sort(),
      byMonth: acc.byMonth,
    };
  });

  const todayStrategyId = makeUniqueId(
    'today',
    base.strategies.map((strategy) => strategy.id),
  );
  const plan: UsagePlan = {
    months,
    slices,
    todayStrategyId,
    mappings,
    unmapped: [...unmapped.values()],
    bills,
    unassignedCost,
    requestsEstimated,
    scenario: null,
    issues: [],
  };
  if (slices.length === 0) {
    plan.issues = [{ path: 'traffic', message: 'no usage in the file maps to a per-token catalog row' }];
    return plan;
  }
  const built = buildUsageScenario(plan, base);
  if (built.ok) plan.scenario = built.value;
  else plan.issues = built.issues;
  return plan;
}

/** The scenario a plan proposes: `base` with the derived traffic, Today first and the other strategies adapted. */
function buildUsageScenario(plan: UsagePlan, base: Scenario) {
  const routes = Object.create(null) as Record<string, string>;
  const today = new Map<string, string>();
  for (const { slice, model } of plan.slices) {
    routes[slice.id] = model.id;
    today.set(slice.id, model.id);
  }
  const catalogIds = new Set(base.catalog.map((model) => model.id));
  const added = [...new Map(plan.slices.map(({ model }) => [model.id, model])).values()].filter(
    (model) => !catalogIds.has(model.id),
  );
  const sliceIds = new Set(plan.slices.map(({ slice }) => slice.id));
  const todayStrategy: Strategy = { id: plan.todayStrategyId, name: 'Today', kind: 'assign', routes };
  return validateScenario({
    ...base,
    schemaVersion: 3,
    startMonth: nextMonth(plan.months[plan.months.length - 1]!),
    catalog: [...base.catalog, ...added],
    traffic: plan.slices.map(({ slice }) => slice),
    strategies: [todayStrategy, ...adaptStrategies(base.strategies, today)],
    evaluations: base.evaluations.filter((evaluation) => sliceIds.has(evaluation.slice)),
  });
}
