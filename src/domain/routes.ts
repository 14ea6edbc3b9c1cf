/**
 * Which calls each request of a slice makes under a strategy: the "legs" of a request, each a model and the
 * expected number of calls on it per request, plus an optional classifier call.
 */
import { costPerCall, isPerTokenModel } from './call-cost';
import { fitsContext, isRegionAllowed } from './model-fit';
import { indexById } from './find-by-id';
import { makeQualityLookup } from './quality';
import type { QualityLookup } from './quality';
import type { Model, Options, PerTokenPricing, Scenario, Slice, Strategy } from './scenario-schema';

export type Leg = {
  model: Model;
  /** Expected calls on `model` per request of the slice: 1, a router share, or a cascade's reach. */
  callsPerRequest: number;
};

export type SliceRoute = {
  legs: Leg[];
  /** A router's classifier: one call per request, priced as given. */
  classifier: {
    model: Model & { pricing: PerTokenPricing };
    inputTokens: number;
    outputTokens: number;
  } | null;
  /** True when a cheapest-meeting-bar strategy found no model meeting the slice's bar. */
  unmetQuality: boolean;
  /**
   * True when the slice limits its regions and the route names a model (classifier included, a zero share or
   * escalation included) whose `region` is not among them.
   */
  offRegion: boolean;
};

/**
 * The share of a slice's requests that reaches each step of a cascade: 1 for the first step, then the product of
 * the escalation rates before it (steps 1, 0.15, 0.03 for escalations 0.15 then 0.2).
 */
export function cascadeReaches(route: { steps: readonly string[]; escalation: readonly number[] }): number[] {
  let reach = 1;
  return route.steps.map((_, step) => {
    if (step > 0) reach *= route.escalation[step - 1] ?? 0;
    return reach;
  });
}

/** The sum of a router's shares for one slice (valid routes sum to 1 within `SHARE_SUM_TOLERANCE`). */
export function sumRouterShares(shares: readonly number[]): number {
  let sum = 0;
  for (const share of shares) sum += share;
  return sum;
}

/**
 * The cheapest-meeting-bar choice for one slice: among per-token models scoring `qualityOf(model, slice) ≥
 * qualityBar` (the user's evaluation where there is one, else the catalog's `quality`: see `makeQualityLookup`),
 * whose context window holds the call (`fitsContext`) and whose region the slice allows (`isRegionAllowed`),
 * the one with the lowest final cost per request, ties to the earlier catalog entry. When none qualifies: the
 * per-token model scoring highest on the slice (ties: cheaper, then catalog order; no context check) among
 * those whose region the slice allows, or among all per-token models when it allows none, flagged as unmet.
 */
export function pickCheapestMeetingBar(
  slice: Slice,
  catalog: readonly Model[],
  options: Options,
  qualityOf: QualityLookup,
): { model: Model & { pricing: PerTokenPricing }; unmetQuality: boolean } | null {
  let best: Model & { pricing: PerTokenPricing } = undefined as never;
  let bestCost = Infinity;
  let found = false;
  let top: Model & { pricing: PerTokenPricing } = undefined as never;
  let topCost = Infinity;
  let anyPerToken = false;
  // The fallback among models in an allowed region, and (used only when there is none) among all.
  let topAllowed: Model & { pricing: PerTokenPricing } = undefined as never;
  let topAllowedCost = Infinity;
  let topAllowedQuality = -Infinity;
  let topQuality = -Infinity;
  let anyAllowed = false;
  // One scratch for every model's cost, and the cost worked out only where a comparison reads it: once some
  // model meets the bar, the fallbacks are never used and only qualifying models are priced.
  const scratch = { list: 0, cached: 0, final: 0 };
  for (const model of catalog) {
    if (!isPerTokenModel(model)) continue;
    const allowed = isRegionAllowed(slice.regions, model);
    const quality = qualityOf(model, slice);
    if (allowed && quality >= slice.qualityBar && fitsContext(model, slice)) {
      const cost = costPerCall(slice, model, options, scratch).final;
      if (!found || cost < bestCost) {
        best = model;
        bestCost = cost;
        found = true;
      }
      continue;
    }
    if (found) continue;
    const mayTop = !anyPerToken || quality >= topQuality;
    const mayTopAllowed = allowed && (!anyAllowed || quality >= topAllowedQuality);
    if (!mayTop && !mayTopAllowed) continue;
    const cost = costPerCall(slice, model, options, scratch).final;
    if (!anyPerToken || quality > topQuality || (quality === topQuality && cost < topCost)) {
      top = model;
      topCost = cost;
      topQuality = quality;
      anyPerToken = true;
    }
    if (
      allowed &&
      (!anyAllowed || quality > topAllowedQuality || (quality === topAllowedQuality && cost < topAllowedCost))
    ) {
      topAllowed = model;
      topAllowedCost = cost;
      topAllowedQuality = quality;
      anyAllowed = true;
    }
  }
  if (found) return { model: best, unmetQuality: false };
  if (anyAllowed) return { model: topAllowed, unmetQuality: true };
  if (anyPerToken) return { model: top, unmetQuality: true };
  return null;
}

/**
 * The cheapest-meeting-bar pick of each slice object and what it was made from. Scenario objects are never
 * changed in place and an edit keeps the objects it does not change, so after an edit of one slice only that
 * slice is searched again, and every strategy, screen and check that resolves routes shares the searches.
 */
const cheapestPicks = new WeakMap<
  Slice,
  {
    catalog: readonly Model[];
    options: Options;
    evaluations: Scenario['evaluations'];
    pick: ReturnType<typeof pickCheapestMeetingBar>;
    /** The pick's place in `catalog` and its final cost per request, when it met the bar. */
    met: { index: number; cost: number } | null;
  }
>();

/** Above this many changed models a catalog edit is searched afresh rather than compared model by model. */
const MAX_CHANGED_MODELS = 32;

/** The places where `next` holds other model objects than `before`, by catalog pair (see `findChangedModels`). */
const catalogChanges = new WeakMap<
  readonly Model[],
  { before: readonly Model[]; changed: number[] | null }
>();

/**
 * The places where `next` holds another model object than `before` (an edit of a few models keeps every other
 * object, at its place), or null when the catalogs differ in length or in more than `MAX_CHANGED_MODELS`
 * places. Found once per pair of catalogs, for every slice.
 */
function findChangedModels(before: readonly Model[], next: readonly Model[]): number[] | null {
  const known = catalogChanges.get(next);
  if (known && known.before === before) return known.changed;
  let changed: number[] | null = null;
  if (before.length === next.length) {
    changed = [];
    for (let i = 0; i < next.length && changed !== null; i++) {
      if (before[i] !== next[i]) {
        changed.push(i);
        if (changed.length > MAX_CHANGED_MODELS) changed = null;
      }
    }
  }
  catalogChanges.set(next, { before, changed });
  return changed;
}

/**
 * The cheapest-meeting-bar pick after an edit of a few models, from the pick before it (`pickCheapestMeetingBar`'s
 * answer on the same slice, options and evaluations): when the old pick met the bar and is not among the
 * changed models, it is still the cheapest of the unchanged ones, so only the changed models are priced against
 * it (the cheaper wins; an equal cost goes to the earlier catalog entry, as in the full search). Null when a
 * full search is needed.
 */
function repickAfterModelEdit(
  slice: Slice,
  catalog: readonly Model[],
  options: Options,
  qualityOf: () => QualityLookup,
  before: { index: number; cost: number },
  changed: readonly number[],
): { pick: ReturnType<typeof pickCheapestMeetingBar>; met: { index: number; cost: number } } | null {
  if (changed.includes(before.index)) return null;
  let best = before;
  const scratch = { list: 0, cached: 0, final: 0 };
  for (const index of changed) {
    const model = catalog[index]!;
    if (!isPerTokenModel(model)) continue;
    const meets =
      isRegionAllowed(slice.regions, model) &&
      qualityOf()(model, slice) >= slice.qualityBar &&
      fitsContext(model, slice);
    if (!meets) continue;
    const cost = costPerCall(slice, model, options, scratch).final;
    if (cost < best.cost || (cost === best.cost && index < best.index)) best = { index, cost };
  }
  const model = catalog[best.index]! as Model & { pricing: PerTokenPricing };
  return { pick: { model, unmetQuality: false }, met: best };
}

/** What a slice's route was resolved against besides the slice and the strategy. */
type RouteBasis = Pick<Scenario, 'catalog' | 'options' | 'evaluations'>;

/**
 * Routes already resolved, by strategy object then slice object, while the catalog, options and evaluations
 * they were resolved against stay. Scenario objects are never changed in place and an edit keeps the objects
 * it does not change, so after an edit only what it touched is resolved again — by the engine, the checks
 * and every screen that asks (the routes are shared: never change one).
 */
const resolvedRoutes = new WeakMap<Strategy, { basis: RouteBasis; routes: WeakMap<Slice, SliceRoute> }>();

function isSameBasis(a: RouteBasis, b: RouteBasis): boolean {
  return a.catalog === b.catalog && a.options === b.options && a.evaluations === b.evaluations;
}

/**
 * Resolves a strategy into the calls each slice makes, in traffic order. A cheapest-meeting-bar strategy judges
 * quality with the scenario's own evaluations (`makeQualityLookup`).
 * The scenario must be valid (every model id known): see `validateScenario`.
 */
export function resolveRoutes(scenario: Scenario, strategy: Strategy): SliceRoute[] {
  let known = resolvedRoutes.get(strategy);
  if (!known || !isSameBasis(known.basis, scenario)) {
    const { catalog, options, evaluations } = scenario;
    known = { basis: { catalog, options, evaluations }, routes: new WeakMap() };
    resolvedRoutes.set(strategy, known);
  }
  const { routes } = known;
  let resolve: ((slice: Slice) => SliceRoute) | undefined;
  return scenario.traffic.map((slice) => {
    let route = routes.get(slice);
    if (!route) {
      resolve ??= makeRouteResolver(scenario, strategy);
      route = resolve(slice);
      routes.set(slice, route);
    }
    return route;
  });
}

/**
 * Resolves slices one at a time under a strategy, against the scenario's catalog, options and evaluations, and
 * remembers nothing (`resolveRoutes` is the remembered way): for scenarios made once and dropped, such as the
 * samples of Monte Carlo, whose slice and strategy objects would only fill the memory of `resolveRoutes`. The
 * routes are the same as `resolveRoutes` gives. The scenario must be valid.
 */
export function makeSliceRouteResolver(scenario: Scenario, strategy: Strategy): (slice: Slice) => SliceRoute {
  return makeRouteResolver(scenario, strategy, false);
}

/**
 * Resolves one slice's route under a strategy, against the scenario's catalog, options and evaluations; with
 * `remember`, each slice's cheapest-meeting-bar pick is kept for the next resolver that meets the same slice.
 */
function makeRouteResolver(
  scenario: Scenario,
  strategy: Strategy,
  remember = true,
): (slice: Slice) => SliceRoute {
  const models = indexById(scenario.catalog);
  const model = (id: string): Model => {
    const found = models.get(id);
    if (!found) throw new Error(`unknown model id "${id}" in strategy "${strategy.id}"`);
    return found;
  };
  let qualityOf: QualityLookup | undefined;
  /** `pickCheapestMeetingBar` for a slice, remembered while the slice, catalog, options and evaluations stay. */
  const findCheapestMeetingBar = (slice: Slice): ReturnType<typeof pickCheapestMeetingBar> => {
    const { catalog, options, evaluations } = scenario;
    const known = remember ? cheapestPicks.get(slice) : undefined;
    const sameJudging = known && known.options === options && known.evaluations === evaluations;
    if (sameJudging && known.catalog === catalog) return known.pick;
    const lookup = () => (qualityOf ??= makeQualityLookup(scenario));
    const changed = sameJudging && known.met ? findChangedModels(known.catalog, catalog) : null;
    const repicked =
      known?.met && changed
        ? repickAfterModelEdit(slice, catalog, options, lookup, known.met, changed)
        : null;
    if (repicked) {
      cheapestPicks.set(slice, { catalog, options, evaluations, ...repicked });
      return repicked.pick;
    }
    const pick = pickCheapestMeetingBar(slice, catalog, options, lookup());
    if (remember) {
      const met =
        pick && !pick.unmetQuality
          ? { index: catalog.indexOf(pick.model), cost: costPerCall(slice, pick.model, options).final }
          : null;
      cheapestPicks.set(slice, { catalog, options, evaluations, pick, met });
    }
    return pick;
  };
  const one = (id: string): Omit<SliceRoute, 'offRegion'> => ({
    legs: [{ model: model(id), callsPerRequest: 1 }],
    classifier: null,
    unmetQuality: false,
  });

  return (slice: Slice): SliceRoute => {
    const route = routeOf(slice) as SliceRoute;
    const { regions } = slice;
    route.offRegion =
      regions !== null &&
      (route.legs.some((leg) => !isRegionAllowed(regions, leg.model)) ||
        (route.classifier !== null && !isRegionAllowed(regions, route.classifier.model)));
    return route;
  };

  function routeOf(slice: Slice): Omit<SliceRoute, 'offRegion'> {
    switch (strategy.kind) {
      case 'single':
        return one(strategy.model);
      case 'assign': {
        const routed = Object.hasOwn(strategy.routes, slice.id)
          ? strategy.routes[slice.id]
          : strategy.fallback;
        return one(routed ?? '');
      }
      case 'cascade': {
        if (!Object.hasOwn(strategy.routes, slice.id)) return one(strategy.fallback ?? '');
        const route = strategy.routes[slice.id]!;
        const reaches = cascadeReaches(route);
        const legs: Leg[] = route.steps.map((id, step) => ({
          model: model(id),
          callsPerRequest: reaches[step]!,
        }));
        return { legs, classifier: null, unmetQuality: false };
      }
      case 'router': {
        let classifier: SliceRoute['classifier'] = null;
        if (strategy.classifier) {
          const classifierModel = model(strategy.classifier.model);
          if (!isPerTokenModel(classifierModel))
            throw new Error(
              `classifier "${classifierModel.id}" of strategy "${strategy.id}" is capacity-billed`,
            );
          classifier = {
            model: classifierModel,
            inputTokens: strategy.classifier.inputTokens,
            outputTokens: strategy.classifier.outputTokens,
          };
        }
        if (!Object.hasOwn(strategy.routes, slice.id)) return { ...one(strategy.fallback ?? ''), classifier };
        const shares = strategy.routes[slice.id]!;
        const legs = Object.keys(shares).map((id) => ({
          model: model(id),
          callsPerRequest: shares[id] ?? 0,
        }));
        return { legs, classifier, unmetQuality: false };
      }
      case 'cheapest-meeting-bar': {
        const pick = findCheapestMeetingBar(slice);
        if (!pick) throw new Error(`strategy "${strategy.id}" needs a per-token model in the catalog`);
        return {
          legs: [{ model: pick.model, callsPerRequest: 1 }],
          classifier: null,
          unmetQuality: pick.unmetQuality,
        };
      }
    }
  }
}
