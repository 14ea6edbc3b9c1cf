/**
 * Models a strategy relies on that the provider stops serving before its horizon ends: each catalog entry may
 * carry `retiresOn` (YYYY-MM-DD, the day the provider stops serving it), and a plan that still routes traffic to
 * it past that day cannot be bought as planned.
 */
import { resolveRoutes } from './routes';
import type { Model, Scenario, Strategy } from './scenario-schema';

export type RetiringModel = {
  model: Model;
  /** The day the provider stops serving the model, YYYY-MM-DD. */
  retiresOn: string;
  /**
   * The horizon month (0-based, month t = `startMonth` + t) in which the model stops: the month holding
   * `retiresOn`, or 0 when it retired before the horizon starts. Null when the scenario has no `startMonth`, so
   * the day cannot be placed in the horizon.
   */
  month: number | null;
  /** True when `retiresOn` falls before the first day of the horizon. */
  retiredBeforeStart: boolean;
};

/** "2027-01" → months since year 0 (2027 · 12 + 0); null when it is not a YYYY-MM month. */
function toMonthNumber(yearMonth: string): number | null {
  const match = /^(\d{4})-(\d{2})/.exec(yearMonth);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return Number(match[1]) * 12 + (month - 1);
}

/**
 * Where a model's `retiresOn` falls in a horizon of `horizonMonths` months from `startMonth` (YYYY-MM): month t is
 * `startMonth` + t, and the horizon ends with the last day of month `horizonMonths − 1`. Returns null when the
 * model retires after that day (or never); otherwise the month it stops (0 when it retired before the start). With
 * no `startMonth`, every announced retirement is returned, unplaced (`month: null`).
 */
export function placeRetirement(
  retiresOn: string | null,
  startMonth: string | undefined,
  horizonMonths: number,
): Pick<RetiringModel, 'month' | 'retiredBeforeStart'> | null {
  if (retiresOn === null) return null;
  const start = startMonth === undefined ? null : toMonthNumber(startMonth);
  const retires = toMonthNumber(retiresOn);
  if (start === null || retires === null) return { month: null, retiredBeforeStart: false };
  const offset = retires - start;
  // A day inside month `horizonMonths − 1` is on or before the horizon's last day.
  if (offset > horizonMonths - 1) return null;
  return offset < 0 ? { month: 0, retiredBeforeStart: true } : { month: offset, retiredBeforeStart: false };
}

/**
 * The models a strategy's routes name — every leg of every slice, a zero share or escalation included, and the
 * router's classifier, as `resolveRoutes` resolves them (cheapest-meeting-bar's picks included) — whose
 * `retiresOn` falls on or before the last day of the scenario's horizon (see `placeRetirement`), in the order the
 * routes first name them (slices in traffic order). Each model once. The scenario must be valid.
 */
export function findRetiringModels(scenario: Scenario, strategy: Strategy): RetiringModel[] {
  const seen = new Set<Model>();
  const retiring: RetiringModel[] = [];
  const consider = (model: Model) => {
    if (seen.has(model)) return;
    seen.add(model);
    if (model.retiresOn === null) return;
    const placed = placeRetirement(model.retiresOn, scenario.startMonth, scenario.horizonMonths);
    if (placed) retiring.push({ model, retiresOn: model.retiresOn, ...placed });
  };
  for (const route of resolveRoutes(scenario, strategy)) {
    for (const leg of route.legs) consider(leg.model);
    if (route.classifier) consider(route.classifier.model);
  }
  return retiring;
}

/** `findRetiringModels` for every strategy, by strategy id (a `Map`: ids may be `__proto__`). */
export function findRetiringModelsByStrategy(scenario: Scenario): Map<string, RetiringModel[]> {
  const byStrategy = new Map<string, RetiringModel[]>();
  for (const strategy of scenario.strategies)
    if (!byStrategy.has(strategy.id)) byStrategy.set(strategy.id, findRetiringModels(scenario, strategy));
  return byStrategy;
}
