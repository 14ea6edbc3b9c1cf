import type { Strategy } from '../../domain/scenario-schema';

export type SingleStrategy = Extract<Strategy, { kind: 'single' }>;
export type AssignStrategy = Extract<Strategy, { kind: 'assign' }>;
export type CascadeStrategy = Extract<Strategy, { kind: 'cascade' }>;
export type RouterStrategy = Extract<Strategy, { kind: 'router' }>;
export type RoutedStrategy = AssignStrategy | CascadeStrategy | RouterStrategy;

/** Applies a change to the strategy being edited; returns the store's refusal, if any. */
export type StrategyUpdate = (recipe: (current: Strategy) => Strategy) => string | null;

/** A slice's route, read safely (ids may be "constructor" or "__proto__"). */
export function readRoute<T>(routes: Record<string, T>, sliceId: string): T | undefined {
  return Object.hasOwn(routes, sliceId) ? routes[sliceId] : undefined;
}

/** A copy of `routes` with `sliceId` set to `value`, as a null-prototype record. */
export function withRoute<T>(routes: Record<string, T>, sliceId: string, value: T): Record<string, T> {
  const next = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(routes)) next[key] = routes[key] as T;
  next[sliceId] = value;
  return next;
}

/** A copy of `routes` without `sliceId`: the slice goes back to the fallback. */
export function withoutRoute<T>(routes: Record<string, T>, sliceId: string): Record<string, T> {
  const next = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(routes)) if (key !== sliceId) next[key] = routes[key] as T;
  return next;
}

/** The strategy with `fallback` set, or removed when `modelId` is ''. */
export function withFallback<T extends RoutedStrategy>(strategy: T, modelId: string): T {
  const next = { ...strategy };
  if (modelId === '') delete next.fallback;
  else next.fallback = modelId;
  return next;
}

/** A recipe for one kind of strategy, applied only when the strategy being edited is still of that kind. */
export function narrowRecipe<K extends Strategy['kind']>(
  kind: K,
  recipe: (current: Extract<Strategy, { kind: K }>) => Extract<Strategy, { kind: K }>,
): (current: Strategy) => Strategy {
  return (current) => (current.kind === kind ? recipe(current as Extract<Strategy, { kind: K }>) : current);
}

/**
 * The route of `fromSliceId` given to each of `toSliceIds` (a cascade's steps and escalation rates with their
 * ranges, a router's shares with theirs, an assignment's model); a slice the source has no route for goes to the
 * fallback on each target too. One edit, so one undo step.
 */
export function copyRouteToSlices<S extends Strategy>(
  strategy: S,
  fromSliceId: string,
  toSliceIds: readonly string[],
): S {
  if (!('routes' in strategy)) return strategy;
  const routes = strategy.routes as Record<string, unknown>;
  const route = readRoute(routes, fromSliceId);
  let nextRoutes = routes;
  for (const target of toSliceIds) {
    if (target === fromSliceId) continue;
    nextRoutes =
      route === undefined
        ? withoutRoute(nextRoutes, target)
        : withRoute(nextRoutes, target, structuredClone(route));
  }
  const next = { ...strategy, routes: nextRoutes };
  if ('shareRanges' in strategy && strategy.shareRanges) {
    const ranges = strategy.shareRanges as Record<string, unknown>;
    const sourceRanges = readRoute(ranges, fromSliceId);
    let nextRanges = ranges;
    for (const target of toSliceIds) {
      if (target === fromSliceId) continue;
      nextRanges =
        sourceRanges === undefined
          ? withoutRoute(nextRanges, target)
          : withRoute(nextRanges, target, structuredClone(sourceRanges));
    }
    return { ...next, shareRanges: nextRanges };
  }
  return next;
}
