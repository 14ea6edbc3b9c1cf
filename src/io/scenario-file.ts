/**
 * The scenario file: reading one a person hands us (size limit, JSON syntax, then every schema and reference
 * problem with its path) and writing one back in a stable, readable form.
 */
import type {
  CascadeRoute,
  Classifier,
  CreditPool,
  Finance,
  FixedCost,
  LongContext,
  Model,
  Options,
  Scenario,
  Slice,
  Strategy,
  ValueRange,
} from '../domain/scenario-schema';
import { validateScenario } from '../domain/validate-scenario';
import type { ValidationResult } from '../domain/validate-scenario';
import { parseJsonText } from './json-text';
import { mapIdRecord } from '../domain/id-record';

/**
 * Reads a scenario file's text: rejects text over 20 MB before parsing, reports JSON syntax errors as
 * `not valid JSON: …`, then validates the whole document (every issue with its path) and fills in defaults.
 */
export function parseScenarioText(text: string): ValidationResult<Scenario> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return validateScenario(parsed.value);
}

function orderPricing(pricing: Model['pricing']) {
  if (pricing.kind === 'capacity') {
    return {
      kind: pricing.kind,
      hourlyPerUnit: pricing.hourlyPerUnit,
      tokensPerMinutePerUnit: pricing.tokensPerMinutePerUnit,
      minUnits: pricing.minUnits,
      commitmentMonths: pricing.commitmentMonths,
    };
  }
  return {
    kind: pricing.kind,
    inputPerMTok: pricing.inputPerMTok,
    outputPerMTok: pricing.outputPerMTok,
    cacheWritePerMTok: pricing.cacheWritePerMTok,
    cacheReadPerMTok: pricing.cacheReadPerMTok,
    batchDiscount: pricing.batchDiscount,
    cacheWrite1hPerMTok: pricing.cacheWrite1hPerMTok,
    minCachePrefixTokens: pricing.minCachePrefixTokens,
    batchCaching: pricing.batchCaching,
    longContext: pricing.longContext && orderLongContext(pricing.longContext),
  };
}

function orderLongContext(tier: LongContext) {
  return {
    aboveInputTokens: tier.aboveInputTokens,
    inputPerMTok: tier.inputPerMTok,
    outputPerMTok: tier.outputPerMTok,
    cacheReadPerMTok: tier.cacheReadPerMTok,
    cacheWritePerMTok: tier.cacheWritePerMTok,
    cacheWrite1hPerMTok: tier.cacheWrite1hPerMTok,
  };
}

function orderModel(model: Model) {
  return {
    id: model.id,
    name: model.name,
    provider: model.provider,
    platform: model.platform,
    pricing: orderPricing(model.pricing),
    contextWindow: model.contextWindow,
    quality: model.quality,
    outputTokenFactor: model.outputTokenFactor,
    openWeight: model.openWeight,
    region: model.region,
    tokenizerFactor: model.tokenizerFactor,
    reasoning: model.reasoning,
    source: model.source && { label: model.source.label, asOf: model.source.asOf, url: model.source.url },
    priceKey: model.priceKey,
    retiresOn: model.retiresOn,
    qualitySource: model.qualitySource && {
      benchmark: model.qualitySource.benchmark,
      label: model.qualitySource.label,
      asOf: model.qualitySource.asOf,
      url: model.qualitySource.url,
      assumption: model.qualitySource.assumption,
    },
    notes: model.notes,
  };
}

/** A number as the file writes it: the number itself, or `{ low, likely, high }` when it carries a range. */
function writeValue(
  likely: number,
  range: ValueRange | null | undefined,
): number | { low: number; likely: number; high: number } {
  return range ? { low: range.low, likely, high: range.high } : likely;
}

function orderSlice(slice: Slice) {
  const ranges = slice.ranges;
  return {
    id: slice.id,
    name: slice.name,
    requestsPerMonth: writeValue(slice.requestsPerMonth, ranges?.requestsPerMonth),
    inputTokens: writeValue(slice.inputTokens, ranges?.inputTokens),
    outputTokens: writeValue(slice.outputTokens, ranges?.outputTokens),
    cachedPrefixTokens: writeValue(slice.cachedPrefixTokens, ranges?.cachedPrefixTokens),
    cacheHitRate: writeValue(slice.cacheHitRate, ranges?.cacheHitRate),
    batchShare: writeValue(slice.batchShare, ranges?.batchShare),
    qualityBar: writeValue(slice.qualityBar, ranges?.qualityBar),
    monthlyGrowth: writeValue(slice.monthlyGrowth, ranges?.monthlyGrowth),
    regions: slice.regions && [...slice.regions],
    cacheTtl: slice.cacheTtl,
    reasoningTokens: writeValue(slice.reasoningTokens, ranges?.reasoningTokens),
    notes: slice.notes,
  };
}

function orderCascadeRoute(route: CascadeRoute) {
  return {
    steps: [...route.steps],
    escalation: route.escalation.map((rate, i) => writeValue(rate, route.escalationRanges?.[i])),
  };
}

function orderClassifier(classifier: Classifier) {
  return {
    model: classifier.model,
    inputTokens: classifier.inputTokens,
    outputTokens: classifier.outputTokens,
  };
}

/** A router's shares, each written in place as `{ low, likely, high }` when it carries a range. */
function orderRouterRoutes(strategy: Extract<Strategy, { kind: 'router' }>) {
  const routes = Object.create(null) as Record<string, Record<string, ReturnType<typeof writeValue>>>;
  for (const sliceId of Object.keys(strategy.routes)) {
    const shares = strategy.routes[sliceId]!;
    const ranges =
      strategy.shareRanges && Object.hasOwn(strategy.shareRanges, sliceId)
        ? strategy.shareRanges[sliceId]
        : undefined;
    const written = Object.create(null) as Record<string, ReturnType<typeof writeValue>>;
    for (const modelId of Object.keys(shares)) {
      const range = ranges && Object.hasOwn(ranges, modelId) ? ranges[modelId] : undefined;
      written[modelId] = writeValue(shares[modelId]!, range);
    }
    routes[sliceId] = written;
  }
  return routes;
}

function orderStrategy(strategy: Strategy) {
  const head = { id: strategy.id, name: strategy.name, kind: strategy.kind };
  switch (strategy.kind) {
    case 'single':
      return { ...head, model: strategy.model };
    case 'assign':
      return { ...head, routes: mapIdRecord(strategy.routes, (id) => id), fallback: strategy.fallback };
    case 'cascade':
      return {
        ...head,
        routes: mapIdRecord(strategy.routes, orderCascadeRoute),
        fallback: strategy.fallback,
      };
    case 'router':
      return {
        ...head,
        classifier: strategy.classifier && orderClassifier(strategy.classifier),
        routes: orderRouterRoutes(strategy),
        fallback: strategy.fallback,
      };
    case 'cheapest-meeting-bar':
      return head;
  }
}

function orderPool(pool: CreditPool) {
  return {
    id: pool.id,
    name: pool.name,
    amount: pool.amount,
    startMonth: pool.startMonth,
    expiresAfterMonths: pool.expiresAfterMonths,
    appliesTo: [...pool.appliesTo],
    notes: pool.notes,
  };
}

function orderFixedCost(cost: FixedCost) {
  return {
    id: cost.id,
    name: cost.name,
    platform: cost.platform,
    monthlyAmount: cost.monthlyAmount,
    startMonth: cost.startMonth,
    endMonth: cost.endMonth,
    monthlyGrowth: cost.monthlyGrowth,
    strategies: cost.strategies && [...cost.strategies],
    notes: cost.notes,
  };
}

function orderOptions(options: Options) {
  return { batch: options.batch, caching: options.caching, peakToAverage: options.peakToAverage };
}

function orderFinance(finance: Finance) {
  const ranges = finance.ranges;
  return {
    cashOnHand: writeValue(finance.cashOnHand, ranges?.cashOnHand),
    otherMonthlyBurn: writeValue(finance.otherMonthlyBurn, ranges?.otherMonthlyBurn),
    monthlyRevenue: writeValue(finance.monthlyRevenue, ranges?.monthlyRevenue),
    revenueGrowth: writeValue(finance.revenueGrowth, ranges?.revenueGrowth),
  };
}

/**
 * Writes a scenario as the file users save and share: 2-space JSON, keys in the order the schema lists them,
 * every default written out, optional fields left out when unset. `parseScenarioText` reads it back to an
 * identical scenario. Ids such as `__proto__` are written as ordinary keys.
 */
export function serializeScenario(scenario: Scenario): string {
  return `${JSON.stringify(
    describeScenarioDocument(scenario, (items, order) => items.map(order)),
    null,
    2,
  )}\n`;
}

/** A list's entries already written as compact JSON text, in runs (see `writeListRuns`). */
class ListText {
  constructor(readonly runs: readonly string[]) {}
}

/** Each list entry's compact text, by entry object: scenario objects are never changed in place. */
const entryTexts = new WeakMap<object, string>();

function writeEntry<T extends object>(entry: T, order: (entry: T) => unknown): string {
  let text = entryTexts.get(entry);
  if (text === undefined) {
    text = JSON.stringify(order(entry));
    entryTexts.set(entry, text);
  }
  return text;
}

/** A model as `writeCompactScenario` writes it in the catalog, made once per model object. */
export function serializeModelCompact(model: Model): string {
  return writeEntry(model, orderModel);
}

/**
 * Takes `text`, `serializeModelCompact(model)` made elsewhere (the file-import worker writes each model's text
 * beside the model), as the model's text, so that saving a 27,000-model import does not write them again.
 */
export function rememberModelText(model: Model, text: string): void {
  entryTexts.set(model, text);
}

/** A list's entries are joined in runs of this many: after an edit of one model in 10,000, one run is joined again. */
const RUN_LENGTH = 256;

/** A run's joined text, by the run's first entry, with the entries it was made from. */
const runTexts = new WeakMap<object, { entries: readonly object[]; text: string }>();

/** A whole list's runs, by list array: an edit elsewhere keeps the list, and its runs. */
const listRuns = new WeakMap<readonly object[], readonly string[]>();

/** A list's text as runs of `RUN_LENGTH` entries, each joined once and kept while its entries are the same objects. */
function writeListRuns<T extends object>(
  items: readonly T[],
  order: (entry: T) => unknown,
): readonly string[] {
  let runs = listRuns.get(items);
  if (runs !== undefined) return runs;
  const made: string[] = [];
  for (let start = 0; start < items.length; start += RUN_LENGTH) {
    const entries = items.slice(start, start + RUN_LENGTH);
    const first = entries[0]!;
    const known = runTexts.get(first);
    if (known?.entries.length === entries.length && known.entries.every((entry, i) => entry === entries[i])) {
      made.push(known.text);
      continue;
    }
    const runText = entries.map((entry) => writeEntry(entry, order)).join(',');
    runTexts.set(first, { entries, text: runText });
    made.push(runText);
  }
  runs = made;
  listRuns.set(items, runs);
  return runs;
}

/**
 * The scenario file's text without its spacing, as the pieces it is made of: their concatenation is
 * `writeCompactScenario(scenario)`. A 10,000-model catalog is some forty pieces, each kept while its models are
 * the same objects, so a save can put the whole text together in one copy and compare two scenarios' texts piece
 * by piece (the same piece is one pointer comparison) instead of building and comparing megabytes.
 */
export function writeCompactScenarioParts(scenario: Scenario): string[] {
  const document = describeScenarioDocument(
    scenario,
    (items, order) => new ListText(writeListRuns(items, order)),
  );
  const parts: string[] = [];
  for (const [key, value] of Object.entries(document)) {
    const separator = parts.length === 0 ? '{' : ',';
    if (value instanceof ListText) {
      parts.push(`${separator}${JSON.stringify(key)}:[`);
      // Each run its own piece, so that a run kept from the last save is the very same string.
      value.runs.forEach((run, i) => (i === 0 ? parts.push(run) : parts.push(',', run)));
      parts.push(']');
      continue;
    }
    const text = JSON.stringify(value);
    if (text !== undefined) parts.push(`${separator}${JSON.stringify(key)}:${text}`);
  }
  parts.push(parts.length === 0 ? '{}' : '}');
  return parts;
}

/**
 * The scenario file's text without its spacing: exactly `JSON.stringify(JSON.parse(serializeScenario(s)))`.
 * Each model, slice, strategy, pool, fixed cost and evaluation is written once per object, and a list's text is
 * joined once per run of `RUN_LENGTH` entries, so after an edit only what the edit made is written again (the
 * autosave of a 10,000-model scenario).
 */
export function writeCompactScenario(scenario: Scenario): string {
  return writeCompactScenarioParts(scenario).join('');
}

/** Writes one of a scenario's lists: every entry through `order`, the function that lays it out. */
type ListWriter = <T extends object>(items: readonly T[], order: (item: T) => unknown) => unknown;

/** The scenario file as an object, keys in the schema's order; each list as `writeList` writes it. */
function describeScenarioDocument(scenario: Scenario, writeList: ListWriter) {
  return {
    schemaVersion: scenario.schemaVersion,
    name: scenario.name,
    description: scenario.description,
    horizonMonths: scenario.horizonMonths,
    startMonth: scenario.startMonth,
    options: orderOptions(scenario.options),
    catalog: writeList(scenario.catalog, orderModel),
    traffic: writeList(scenario.traffic, orderSlice),
    strategies: writeList(scenario.strategies, orderStrategy),
    credits: writeList(scenario.credits, orderPool),
    fixedCosts: writeList(scenario.fixedCosts, orderFixedCost),
    evaluations: writeList(scenario.evaluations, (evaluation) => ({
      model: evaluation.model,
      slice: evaluation.slice,
      score: evaluation.score,
      source: evaluation.source,
    })),
    finance: orderFinance(scenario.finance),
    displayCurrency: scenario.displayCurrency && {
      currency: scenario.displayCurrency.currency,
      perUsd: scenario.displayCurrency.perUsd,
      setOn: scenario.displayCurrency.setOn,
    },
  };
}

/**
 * Writes a catalog in the native import format: a 2-space JSON list of catalog entries, keys in schema order.
 * `parseCatalogText` reads it back to the same models.
 */
export function serializeCatalog(models: readonly Model[]): string {
  return `${JSON.stringify(models.map(orderModel), null, 2)}\n`;
}
