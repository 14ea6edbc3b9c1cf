/**
 * Pure edits of a scenario: each takes a scenario and returns a new one. The store validates the result
 * before it replaces anything, so an edit that would break the document (a strategy naming a deleted model)
 * is refused with its issues.
 */
import type {
  CascadeRoute,
  CreditPool,
  Evaluation,
  Finance,
  FinanceRangeField,
  FixedCost,
  Model,
  Options,
  Scenario,
  Slice,
  SliceRangeField,
  Strategy,
  ValueRange,
} from '../domain/scenario-schema';
import { mapIdRecord } from '../domain/id-record';
import { makeSliceId, makeUniqueId } from '../domain/ids';

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** Strategies that name `modelId` (as model, step, share, fallback or classifier), by name. */
export function findStrategiesUsingModel(scenario: Scenario, modelId: string): Strategy[] {
  return scenario.strategies.filter((strategy) => {
    switch (strategy.kind) {
      case 'single':
        return strategy.model === modelId;
      case 'assign':
        return strategy.fallback === modelId || Object.values(strategy.routes).includes(modelId);
      case 'cascade':
        return (
          strategy.fallback === modelId ||
          Object.values(strategy.routes).some((route) => route.steps.includes(modelId))
        );
      case 'router':
        return (
          strategy.fallback === modelId ||
          strategy.classifier?.model === modelId ||
          Object.values(strategy.routes).some((shares) => Object.hasOwn(shares, modelId))
        );
      case 'cheapest-meeting-bar':
        return false;
    }
  });
}

/**
 * The ids of every model a strategy names (the models `findStrategiesUsingModel` finds a user for), in one pass
 * over the strategies, so asking about each of 27,000 models does not walk every route once per model.
 */
export function listModelIdsInUse(scenario: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const strategy of scenario.strategies) {
    if (strategy.kind === 'cheapest-meeting-bar') continue;
    if (strategy.kind === 'single') {
      ids.add(strategy.model);
      continue;
    }
    if (strategy.fallback !== undefined) ids.add(strategy.fallback);
    if (strategy.kind === 'assign') for (const modelId of Object.values(strategy.routes)) ids.add(modelId);
    else if (strategy.kind === 'cascade')
      for (const route of Object.values(strategy.routes)) for (const modelId of route.steps) ids.add(modelId);
    else {
      if (strategy.classifier) ids.add(strategy.classifier.model);
      for (const shares of Object.values(strategy.routes))
        for (const modelId of Object.keys(shares)) ids.add(modelId);
    }
  }
  return ids;
}

// Catalog

export function updateModel(scenario: Scenario, index: number, model: Model): Scenario {
  const previous = scenario.catalog[index];
  let next: Scenario = { ...scenario, catalog: replaceAt(scenario.catalog, index, model) };
  if (previous && previous.id !== model.id) next = renameModelReferences(next, previous.id, model.id);
  return next;
}

/** How a model's source begins once its prices are the user's own. */
export const EDITED_SOURCE_PREFIX = 'Edited by you on ';
const SHORT_TEXT_CHARS = 1_000;

/**
 * `model` with its prices changed by hand on `today` (YYYY-MM-DD): its source no longer vouches for them, so it
 * says so and keeps what it was ("Edited by you on 2026-12-04 (was: AWS Price List API …, as of 2026-10-08)"),
 * dated today, without the old link. Edited again, only the day moves. The POC estimate and the catalog cite it.
 */
export function markPricesEdited(model: Model, today: string): Model {
  const old = model.source;
  if (old?.label.startsWith(EDITED_SOURCE_PREFIX)) {
    const rest = old.label.slice(EDITED_SOURCE_PREFIX.length).replace(/^\d{4}-\d{2}-\d{2}/, '');
    return { ...model, source: { label: `${EDITED_SOURCE_PREFIX}${today}${rest}`, asOf: today } };
  }
  const oldLabel = old?.label.trim() ?? '';
  const oldDate = old?.asOf.trim() ?? '';
  const was =
    oldLabel === ''
      ? ''
      : ` (was: ${oldLabel}${oldDate !== '' && !oldLabel.includes(oldDate) ? `, as of ${oldDate}` : ''})`;
  const label = `${EDITED_SOURCE_PREFIX}${today}${was}`;
  return {
    ...model,
    source: {
      label: label.length <= SHORT_TEXT_CHARS ? label : `${label.slice(0, SHORT_TEXT_CHARS - 2)}…)`,
      asOf: today,
    },
  };
}

export function addModel(scenario: Scenario, model: Model): Scenario {
  return { ...scenario, catalog: [...scenario.catalog, model] };
}

export function duplicateModel(scenario: Scenario, index: number): Scenario {
  const original = scenario.catalog[index];
  if (!original) return scenario;
  const copy: Model = {
    ...original,
    id: makeUniqueId(
      `${original.id}-copy`,
      scenario.catalog.map((m) => m.id),
    ),
    name: `${original.name} (copy)`,
  };
  const catalog = [...scenario.catalog];
  catalog.splice(index + 1, 0, copy);
  return { ...scenario, catalog };
}

/** Removes a model and the user's evaluations of it. */
export function removeModel(scenario: Scenario, index: number): Scenario {
  const model = scenario.catalog[index];
  if (!model) return scenario;
  const catalog = scenario.catalog.filter((_, i) => i !== index);
  const stillThere = catalog.some((m) => m.id === model.id);
  return {
    ...scenario,
    catalog,
    evaluations: stillThere ? scenario.evaluations : scenario.evaluations.filter((e) => e.model !== model.id),
  };
}

function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(record)) out[key === from ? to : key] = record[key] as T;
  return out;
}

/** Follows a model's id change through every strategy that names it and the user's evaluations of it. */
export function renameModelReferences(scenario: Scenario, from: string, to: string): Scenario {
  const swap = (id: string) => (id === from ? to : id);
  const strategies = scenario.strategies.map((strategy): Strategy => {
    if (strategy.kind === 'single') return { ...strategy, model: swap(strategy.model) };
    if (strategy.kind === 'cheapest-meeting-bar') return strategy;
    const fallback = strategy.fallback === undefined ? {} : { fallback: swap(strategy.fallback) };
    switch (strategy.kind) {
      case 'assign':
        return { ...strategy, ...fallback, routes: mapIdRecord(strategy.routes, swap) };
      case 'cascade':
        return {
          ...strategy,
          ...fallback,
          routes: mapIdRecord(strategy.routes, (route) => ({ ...route, steps: route.steps.map(swap) })),
        };
      case 'router':
        return {
          ...strategy,
          ...fallback,
          classifier: strategy.classifier
            ? { ...strategy.classifier, model: swap(strategy.classifier.model) }
            : null,
          routes: mapIdRecord(strategy.routes, (shares) => renameKey(shares, from, to)),
          ...(strategy.shareRanges && {
            shareRanges: mapIdRecord(strategy.shareRanges, (ranges) => renameKey(ranges, from, to)),
          }),
        };
    }
  });
  const evaluations = scenario.evaluations.map((e) => (e.model === from ? { ...e, model: to } : e));
  return { ...scenario, strategies, evaluations };
}

/**
 * The models of `scenario` that some strategy names but `catalog` lacks: replacing the catalog keeps these, so
 * that no strategy is left pointing at a model that is gone.
 */
export function findModelsKeptOnReplace(scenario: Scenario, catalog: readonly Model[]): Model[] {
  const incoming = new Set(catalog.map((model) => model.id));
  const used = listModelIdsInUse(scenario);
  return scenario.catalog.filter((model) => !incoming.has(model.id) && used.has(model.id));
}

/**
 * Replaces the whole catalog with `catalog`, followed by the models strategies still name (see above). The user's
 * evaluations of models the new catalog keeps (by id) stay; those of models gone go with them.
 */
export function replaceCatalog(scenario: Scenario, catalog: readonly Model[]): Scenario {
  const next = [...catalog, ...findModelsKeptOnReplace(scenario, catalog)];
  const ids = new Set(next.map((model) => model.id));
  return { ...scenario, catalog: next, evaluations: scenario.evaluations.filter((e) => ids.has(e.model)) };
}

/**
 * Appends `models` to the catalog, in their order, leaving out any whose id the catalog (or an earlier one of
 * `models`) already has: adding never replaces a model.
 */
export function addModels(scenario: Scenario, models: readonly Model[]): Scenario {
  const taken = new Set(scenario.catalog.map((model) => model.id));
  const added: Model[] = [];
  for (const model of models) {
    if (taken.has(model.id)) continue;
    taken.add(model.id);
    added.push(model);
  }
  return added.length === 0 ? scenario : { ...scenario, catalog: [...scenario.catalog, ...added] };
}

/**
 * Takes the pricing and the source of every model in `updates` whose id is in the catalog, and nothing else:
 * no model is added or removed, names, quality and the rest stay. Updates whose id the catalog lacks are
 * ignored. An update without a source drops the old one (it described the old price).
 */
export function updateModelPrices(scenario: Scenario, updates: readonly Model[]): Scenario {
  const byId = new Map<string, Model>();
  for (const update of updates) if (!byId.has(update.id)) byId.set(update.id, update);
  const catalog = scenario.catalog.map((model): Model => {
    const update = byId.get(model.id);
    if (update === undefined) return model;
    const next: Model = { ...model, pricing: update.pricing };
    if (update.source === undefined) delete next.source;
    else next.source = update.source;
    return next;
  });
  return { ...scenario, catalog };
}

// Traffic

export function updateSlice(scenario: Scenario, index: number, slice: Slice): Scenario {
  const previous = scenario.traffic[index];
  let next: Scenario = { ...scenario, traffic: replaceAt(scenario.traffic, index, slice) };
  if (previous && previous.id !== slice.id) next = renameSliceReferences(next, previous.id, slice.id);
  return next;
}

/**
 * A slice's new name. An id made from its name (a new slice's "new-slice", or an id that has followed the name
 * since) follows the new name, and the strategies' routes follow the id; an id chosen or imported stays.
 */
export function renameSlice(scenario: Scenario, index: number, name: string): Scenario {
  const current = scenario.traffic[index];
  if (!current) return scenario;
  const otherIds = scenario.traffic.filter((_, i) => i !== index).map((slice) => slice.id);
  const followsName = current.id === makeSliceId(current.name, otherIds);
  const id = followsName ? makeSliceId(name, otherIds) : current.id;
  return updateSlice(scenario, index, { ...current, name, id });
}

export function addSlice(scenario: Scenario, slice: Slice): Scenario {
  return { ...scenario, traffic: [...scenario.traffic, slice] };
}

export function duplicateSlice(scenario: Scenario, index: number): Scenario {
  const original = scenario.traffic[index];
  if (!original) return scenario;
  const copy: Slice = {
    ...original,
    id: makeUniqueId(
      `${original.id}-copy`,
      scenario.traffic.map((s) => s.id),
    ),
    name: `${original.name} (copy)`,
  };
  const traffic = [...scenario.traffic];
  traffic.splice(index + 1, 0, copy);
  return { ...scenario, traffic };
}

/** Removes a slice, its routes from every strategy and the user's evaluations on it. */
export function removeSlice(scenario: Scenario, index: number): Scenario {
  const slice = scenario.traffic[index];
  if (!slice) return scenario;
  const strategies = scenario.strategies.map((strategy): Strategy => {
    if (strategy.kind === 'assign' || strategy.kind === 'cascade' || strategy.kind === 'router') {
      const routes = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(strategy.routes))
        if (key !== slice.id) routes[key] = strategy.routes[key];
      if (strategy.kind === 'router' && strategy.shareRanges) {
        const shareRanges = Object.create(null) as NonNullable<typeof strategy.shareRanges>;
        for (const key of Object.keys(strategy.shareRanges))
          if (key !== slice.id) shareRanges[key] = strategy.shareRanges[key]!;
        return { ...strategy, routes, shareRanges } as Strategy;
      }
      return { ...strategy, routes } as Strategy;
    }
    return strategy;
  });
  return {
    ...scenario,
    traffic: scenario.traffic.filter((_, i) => i !== index),
    strategies,
    evaluations: scenario.evaluations.filter((e) => e.slice !== slice.id),
  };
}

export function moveSlice(scenario: Scenario, from: number, to: number): Scenario {
  return { ...scenario, traffic: moveItem(scenario.traffic, from, to) };
}

/** Follows a slice's id change through every strategy's routes and the user's evaluations on it. */
export function renameSliceReferences(scenario: Scenario, from: string, to: string): Scenario {
  const strategies = scenario.strategies.map((strategy): Strategy => {
    if (strategy.kind === 'assign' || strategy.kind === 'cascade' || strategy.kind === 'router') {
      return {
        ...strategy,
        routes: renameKey(strategy.routes as Record<string, unknown>, from, to),
        ...(strategy.kind === 'router' &&
          strategy.shareRanges && { shareRanges: renameKey(strategy.shareRanges, from, to) }),
      } as Strategy;
    }
    return strategy;
  });
  const evaluations = scenario.evaluations.map((e) => (e.slice === from ? { ...e, slice: to } : e));
  return { ...scenario, strategies, evaluations };
}

/**
 * Gives slice `toId` the same route as slice `fromId` in every strategy that routes `fromId` (and, with
 * `shouldCopy`, only in those it accepts). A duplicated slice keeps its original's routing this way.
 */
export function copySliceRoutes(
  scenario: Scenario,
  fromId: string,
  toId: string,
  shouldCopy: (strategy: Strategy) => boolean = () => true,
): Scenario {
  const strategies = scenario.strategies.map((strategy): Strategy => {
    if (strategy.kind !== 'assign' && strategy.kind !== 'cascade' && strategy.kind !== 'router')
      return strategy;
    if (!Object.hasOwn(strategy.routes, fromId) || !shouldCopy(strategy)) return strategy;
    const routes = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(strategy.routes)) routes[key] = strategy.routes[key];
    routes[toId] = structuredClone(strategy.routes[fromId]);
    return { ...strategy, routes } as Strategy;
  });
  return { ...scenario, strategies };
}

// Strategies

export function updateStrategy(scenario: Scenario, index: number, strategy: Strategy): Scenario {
  return { ...scenario, strategies: replaceAt(scenario.strategies, index, strategy) };
}

export function addStrategy(scenario: Scenario, strategy: Strategy): Scenario {
  return { ...scenario, strategies: [...scenario.strategies, strategy] };
}

export function duplicateStrategy(scenario: Scenario, index: number): Scenario {
  const original = scenario.strategies[index];
  if (!original) return scenario;
  const copy = {
    ...structuredClone(original),
    id: makeUniqueId(
      `${original.id}-copy`,
      scenario.strategies.map((s) => s.id),
    ),
    name: `${original.name} (copy)`,
  } as Strategy;
  const strategies = [...scenario.strategies];
  strategies.splice(index + 1, 0, copy);
  return { ...scenario, strategies };
}

/** Removes a strategy; fixed costs that named it among their payers stop naming it. */
export function removeStrategy(scenario: Scenario, index: number): Scenario {
  const removed = scenario.strategies[index];
  if (!removed) return scenario;
  return {
    ...scenario,
    strategies: scenario.strategies.filter((_, i) => i !== index),
    fixedCosts: scenario.fixedCosts.map((cost) =>
      cost.strategies?.includes(removed.id)
        ? { ...cost, strategies: cost.strategies.filter((id) => id !== removed.id) }
        : cost,
    ),
  };
}

// Credits, finance, options

export function updatePool(scenario: Scenario, index: number, pool: CreditPool): Scenario {
  return { ...scenario, credits: replaceAt(scenario.credits, index, pool) };
}

export function addPool(scenario: Scenario, pool: CreditPool): Scenario {
  return {
    ...scenario,
    credits: [
      ...scenario.credits,
      {
        ...pool,
        id: makeUniqueId(
          pool.id,
          scenario.credits.map((p) => p.id),
        ),
      },
    ],
  };
}

export function removePool(scenario: Scenario, index: number): Scenario {
  return { ...scenario, credits: scenario.credits.filter((_, i) => i !== index) };
}

export function updateFixedCost(scenario: Scenario, index: number, cost: FixedCost): Scenario {
  return { ...scenario, fixedCosts: replaceAt(scenario.fixedCosts, index, cost) };
}

/** Adds a fixed cost at the end, its id made unique among the scenario's fixed costs. */
export function addFixedCost(scenario: Scenario, cost: FixedCost): Scenario {
  const id = makeUniqueId(
    cost.id,
    scenario.fixedCosts.map((c) => c.id),
  );
  return { ...scenario, fixedCosts: [...scenario.fixedCosts, { ...cost, id }] };
}

export function removeFixedCost(scenario: Scenario, index: number): Scenario {
  return { ...scenario, fixedCosts: scenario.fixedCosts.filter((_, i) => i !== index) };
}

// The user's own evaluations

/** Replaces the evaluation at `index` (its model, slice, score or source). */
export function updateEvaluation(scenario: Scenario, index: number, evaluation: Evaluation): Scenario {
  return { ...scenario, evaluations: replaceAt(scenario.evaluations, index, evaluation) };
}

export function addEvaluation(scenario: Scenario, evaluation: Evaluation): Scenario {
  return { ...scenario, evaluations: [...scenario.evaluations, evaluation] };
}

export function removeEvaluation(scenario: Scenario, index: number): Scenario {
  return { ...scenario, evaluations: scenario.evaluations.filter((_, i) => i !== index) };
}

/**
 * Merges imported evaluations: each replaces the scenario's evaluation of the same model and slice in place, or is
 * added at the end; the scenario's other evaluations stay.
 */
export function importEvaluations(scenario: Scenario, imported: readonly Evaluation[]): Scenario {
  const key = (e: Evaluation) => JSON.stringify([e.model, e.slice]);
  const incoming = new Map(imported.map((e) => [key(e), e]));
  const evaluations = scenario.evaluations.map((e) => {
    const replacement = incoming.get(key(e));
    if (replacement === undefined) return e;
    incoming.delete(key(e));
    return replacement;
  });
  return { ...scenario, evaluations: [...evaluations, ...incoming.values()] };
}

export function updateFinance(scenario: Scenario, finance: Finance): Scenario {
  return { ...scenario, finance };
}

export function updateOptions(scenario: Scenario, options: Options): Scenario {
  return { ...scenario, options };
}

/** Sets the scenario's name, horizon or start month; a `startMonth` of null removes it (months read "Month 1"). */
export function updateScenarioSettings(
  scenario: Scenario,
  settings: { name?: string; horizonMonths?: number; startMonth?: string | null },
): Scenario {
  const next: Scenario = { ...scenario };
  if (settings.name !== undefined) next.name = settings.name;
  if (settings.horizonMonths !== undefined) next.horizonMonths = settings.horizonMonths;
  if (settings.startMonth === null) delete next.startMonth;
  else if (settings.startMonth !== undefined) next.startMonth = settings.startMonth;
  return next;
}

// Ranges: an uncertain input keeps its likely value in its field and its low and high beside it

type RouterStrategy = Extract<Strategy, { kind: 'router' }>;

/**
 * A `ranges` object with `field` set to `range`, or without it when `range` is null; undefined when nothing
 * is left, so that the owner drops its `ranges` altogether.
 */
function withFieldRange<F extends string>(
  ranges: { [K in F]?: ValueRange | undefined } | undefined,
  field: F,
  range: ValueRange | null,
): Partial<Record<F, ValueRange>> | undefined {
  const next: Partial<Record<F, ValueRange>> = {};
  for (const key of Object.keys(ranges ?? {}) as F[]) {
    const existing = ranges?.[key];
    if (key !== field && existing) next[key] = existing;
  }
  if (range) next[field] = { low: range.low, high: range.high };
  return Object.keys(next).length > 0 ? next : undefined;
}

/** Gives slice `index`'s `field` a range (its value stays the likely one), or removes it with null. */
export function setSliceRange(
  scenario: Scenario,
  index: number,
  field: SliceRangeField,
  range: ValueRange | null,
): Scenario {
  const slice = scenario.traffic[index];
  if (!slice) return scenario;
  const next: Slice = { ...slice };
  const ranges = withFieldRange(slice.ranges, field, range);
  if (ranges) next.ranges = ranges;
  else delete next.ranges;
  return { ...scenario, traffic: replaceAt(scenario.traffic, index, next) };
}

/** Gives a finance figure a range, or removes it with null. */
export function setFinanceRange(
  scenario: Scenario,
  field: FinanceRangeField,
  range: ValueRange | null,
): Scenario {
  const finance: Finance = { ...scenario.finance };
  const ranges = withFieldRange(scenario.finance.ranges, field, range);
  if (ranges) finance.ranges = ranges;
  else delete finance.ranges;
  return { ...scenario, finance };
}

/** The route with escalation rate `step`'s range set (or removed with null); no list is kept when all are null. */
export function withEscalationRange(
  route: CascadeRoute,
  step: number,
  range: ValueRange | null,
): CascadeRoute {
  if (step < 0 || step >= route.escalation.length) return route;
  const ranges = route.escalation.map((_, i) =>
    i === step
      ? range
        ? { low: range.low, high: range.high }
        : null
      : (route.escalationRanges?.[i] ?? null),
  );
  const next: CascadeRoute = { ...route, escalationRanges: ranges };
  if (!ranges.some(Boolean)) delete next.escalationRanges;
  return next;
}

/**
 * The route with a step appended, reached by `escalation` (the rate from the current last step); its rate has
 * no range.
 */
export function addCascadeStep(route: CascadeRoute, modelId: string, escalation: number): CascadeRoute {
  const next: CascadeRoute = {
    ...route,
    steps: [...route.steps, modelId],
    escalation: [...route.escalation, escalation],
  };
  if (route.escalationRanges) next.escalationRanges = [...route.escalationRanges, null];
  return next;
}

/**
 * The route without step `step`. The rate into the removed step goes with it (the first step's outgoing rate
 * when the first is removed), and so does that rate's range.
 */
export function removeCascadeStep(route: CascadeRoute, step: number): CascadeRoute {
  if (step < 0 || step >= route.steps.length) return route;
  const dropped = step === 0 ? 0 : step - 1;
  const { escalationRanges, ...rest } = route;
  const next: CascadeRoute = {
    ...rest,
    steps: route.steps.filter((_, i) => i !== step),
    escalation: route.escalation.filter((_, i) => i !== dropped),
  };
  const ranges = escalationRanges?.filter((_, i) => i !== dropped);
  if (ranges?.some(Boolean)) next.escalationRanges = ranges;
  return next;
}

/** Sets (or removes with null) the range of a cascade's escalation rate `step` for slice `sliceId`. */
export function setEscalationRange(
  scenario: Scenario,
  strategyIndex: number,
  sliceId: string,
  step: number,
  range: ValueRange | null,
): Scenario {
  const strategy = scenario.strategies[strategyIndex];
  if (strategy?.kind !== 'cascade' || !Object.hasOwn(strategy.routes, sliceId)) return scenario;
  const routes = Object.create(null) as typeof strategy.routes;
  for (const key of Object.keys(strategy.routes)) routes[key] = strategy.routes[key]!;
  routes[sliceId] = withEscalationRange(strategy.routes[sliceId]!, step, range);
  return updateStrategy(scenario, strategyIndex, { ...strategy, routes });
}

/** The router with the range of `modelId`'s share for slice `sliceId` set, or removed with null. */
export function withShareRange(
  strategy: RouterStrategy,
  sliceId: string,
  modelId: string,
  range: ValueRange | null,
): RouterStrategy {
  const shareRanges = Object.create(null) as NonNullable<RouterStrategy['shareRanges']>;
  for (const key of Object.keys(strategy.shareRanges ?? {})) {
    const forSlice = Object.create(null) as Record<string, ValueRange>;
    const existing = strategy.shareRanges![key]!;
    for (const model of Object.keys(existing))
      if (key !== sliceId || model !== modelId) forSlice[model] = existing[model]!;
    if (Object.keys(forSlice).length > 0) shareRanges[key] = forSlice;
  }
  if (range) {
    const forSlice = Object.hasOwn(shareRanges, sliceId)
      ? shareRanges[sliceId]!
      : (Object.create(null) as Record<string, ValueRange>);
    forSlice[modelId] = { low: range.low, high: range.high };
    shareRanges[sliceId] = forSlice;
  }
  const next: RouterStrategy = { ...strategy, shareRanges };
  if (Object.keys(shareRanges).length === 0) delete next.shareRanges;
  return next;
}

/** Sets (or removes with null) the range of a router's share of `modelId` for slice `sliceId`. */
export function setShareRange(
  scenario: Scenario,
  strategyIndex: number,
  sliceId: string,
  modelId: string,
  range: ValueRange | null,
): Scenario {
  const strategy = scenario.strategies[strategyIndex];
  if (strategy?.kind !== 'router') return scenario;
  return updateStrategy(scenario, strategyIndex, withShareRange(strategy, sliceId, modelId, range));
}

/**
 * The router without the share ranges whose slice or model no longer has a share (after a model is taken out
 * of a split, or a slice goes back to the fallback). Call it after changing a router's routes.
 */
export function pruneShareRanges(strategy: RouterStrategy): RouterStrategy {
  if (!strategy.shareRanges) return strategy;
  let next = strategy;
  for (const sliceId of Object.keys(strategy.shareRanges)) {
    const shares = Object.hasOwn(strategy.routes, sliceId) ? strategy.routes[sliceId]! : null;
    for (const modelId of Object.keys(strategy.shareRanges[sliceId]!))
      if (!shares || !Object.hasOwn(shares, modelId)) next = withShareRange(next, sliceId, modelId, null);
  }
  return next;
}
