/**
 * New scenarios the user starts from: a blank one built on the open scenario's catalog, and names that do not
 * repeat one already in the library.
 */
import { SCHEMA_VERSION } from '../../domain/scenario-schema';
import type { Scenario } from '../../domain/scenario-schema';
import { validateScenario } from '../../domain/validate-scenario';
import type { ValidationResult } from '../../domain/validate-scenario';

/** `base`, or `base 2`, `base 3`… — the first not in `takenNames`. */
export function makeUniqueName(base: string, takenNames: Iterable<string>): string {
  const taken = new Set(takenNames);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** `scenario` itself when its name is not taken, else a copy named as `makeUniqueName` says ("EU support 2"). */
export function withUniqueName(scenario: Scenario, takenNames: Iterable<string>): Scenario {
  const name = makeUniqueName(scenario.name, takenNames);
  return name === scenario.name ? scenario : { ...scenario, name };
}

/** The name of a copy: `EU support (copy)`, then `EU support (copy 2)`… */
export function makeCopyName(name: string, takenNames: Iterable<string>): string {
  const taken = new Set(takenNames);
  const base = `${name} (copy)`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${name} (copy ${n})`)) return `${name} (copy ${n})`;
}

/**
 * A blank scenario to fill in: the open scenario's catalog, start month and options (so its models are there to
 * pick), one slice of 100,000 requests a month (1,000 input and 200 output tokens, no caching, batch or growth),
 * one strategy sending it all to the catalog's first per-token model (else its first model; none when the
 * catalog is empty), no credit pools, no cash figures, 24 months.
 */
export function makeBlankScenario(from: Scenario, name: string): ValidationResult<Scenario> {
  const model = from.catalog.find((m) => m.pricing.kind === 'per-token') ?? from.catalog[0];
  return validateScenario({
    schemaVersion: SCHEMA_VERSION,
    name,
    horizonMonths: 24,
    ...(from.startMonth === undefined ? {} : { startMonth: from.startMonth }),
    options: from.options,
    catalog: from.catalog,
    traffic: [
      {
        id: 'main',
        name: 'Main traffic',
        requestsPerMonth: 100_000,
        inputTokens: 1_000,
        outputTokens: 200,
      },
    ],
    strategies: model
      ? [{ id: 'single', name: `All on ${model.name}`, kind: 'single', model: model.id }]
      : [],
    credits: [],
    finance: { cashOnHand: 0, otherMonthlyBurn: 0, monthlyRevenue: 0, revenueGrowth: 0 },
  });
}
