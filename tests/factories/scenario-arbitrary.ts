/**
 * fast-check arbitraries for valid scenario documents of every kind: per-token and capacity models, caching and
 * batch present or null, zero traffic, 100 % cache hits, shrinking traffic, every strategy kind, credit pools with
 * expiries, start months and platform lists, horizons of 1–36 months, and ids such as "__proto__".
 *
 * By default the documents are schema version 3 and use every field it adds: regions on some slices and models,
 * tokenizer factors (1, 1.3 and others), reasoning models and reasoning tokens, 1-hour cache prices and 1-hour
 * TTLs, minimum cached prefixes above and below the slices' prefixes, batchCaching false, long-context tiers
 * (cache prices given, null or left out) that some calls exceed, commitment terms of 0, 1, 6 and other months on
 * capacity models, fixed costs with windows, growth and strategy lists, and sometimes the user's own evaluations
 * (a score per model and slice, some above and some below the slices' bars). With `{ version: 2 }` they are
 * version-2 documents with none of those fields.
 *
 * Records keyed by ids are built on null-prototype objects so that "__proto__" stays an ordinary key.
 */
import fc from 'fast-check';
import type { Scenario, ScenarioInput } from '../../src/domain/scenario-schema';
import { validateScenario } from '../../src/domain/validate-scenario';

/** Ids that break code which keys plain objects by user input. */
export const AWKWARD_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

const PLAIN_IDS = ['a', 'b', 'bulk', 'chat', 'rag', 'Z', '0', '10', 'é'] as const;

/** Platform names, with case and awkward names so that "alphabetical" order is exercised. */
const PLATFORMS = ['bedrock', 'azure', 'self-hosted', 'Vertex', '__proto__', 'constructor'] as const;

type Json = Record<string, unknown>;

function createRecord(): Json {
  return Object.create(null) as Json;
}

/**
 * A double in [min, max] with magnitudes below 1e-9 snapped to 0. Subnormal inputs (5e-324 escalation rates,
 * 1e-300 prices) only test which of two equally valid orders of multiplication underflows first.
 */
function doubleArbitrary(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((value) => (Math.abs(value) < 1e-9 ? 0 : value));
}

function idArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_IDS) },
    { weight: 4, arbitrary: fc.constantFrom(...PLAIN_IDS) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) },
  );
}

function uniqueIds(minLength: number, maxLength: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(idArbitrary(), { minLength, maxLength });
}

/** A double spread evenly over [min, max]. */
function uniformArbitrary(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 1_000_000_000 }).map((step) => min + (step / 1_000_000_000) * (max - min));
}

/** A positive double spread evenly over the orders of magnitude between min and max. */
function logUniformArbitrary(min: number, max: number): fc.Arbitrary<number> {
  return uniformArbitrary(Math.log(min), Math.log(max)).map((exponent) => Math.min(max, Math.exp(exponent)));
}

/** A non-negative amount: exactly 0, a whole number, evenly spread, or any double up to `max`. */
function amountArbitrary(max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: Math.floor(max) }) },
    { weight: 4, arbitrary: uniformArbitrary(0, max) },
    { weight: 1, arbitrary: doubleArbitrary(0, max) },
  );
}

/** Money or volumes over many orders of magnitude, sometimes exactly 0. */
function scaleArbitrary(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: logUniformArbitrary(min, max) },
  );
}

/** A rate in [0, 1], with the edges 0 and 1 and the halfway point common. */
function rateArbitrary(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(0, 0.5, 1) },
    { weight: 3, arbitrary: uniformArbitrary(0, 1) },
    { weight: 1, arbitrary: doubleArbitrary(0, 1) },
  );
}

/** Monthly growth above −1: zero, shrinking or growing. */
function growthArbitrary(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(0, -0.5, 0.1) },
    { weight: 3, arbitrary: uniformArbitrary(-0.2, 0.4) },
    { weight: 1, arbitrary: uniformArbitrary(-0.95, -0.2) },
  );
}

function perTokenPricingArbitrary(): fc.Arbitrary<Json> {
  return fc.record({
    kind: fc.constant('per-token'),
    inputPerMTok: amountArbitrary(60),
    outputPerMTok: amountArbitrary(120),
    cacheWritePerMTok: fc.option(amountArbitrary(80), { nil: null }),
    cacheReadPerMTok: fc.option(amountArbitrary(10), { nil: null }),
    batchDiscount: fc.option(rateArbitrary(), { nil: null }),
  });
}

/** Regions models serve from and slices may be served from. */
const REGIONS = ['global', 'us', 'eu', 'eu-west-3'] as const;

/**
 * A tier cache price: given, an explicit null, or left out (`undefined`, dropped from the document). Left out
 * only when the base input price is above 0, since a left-out price scales by `tier input / base input`.
 */
function tierCachePriceArbitrary(max: number, mayLeaveOut: boolean): fc.Arbitrary<number | null | undefined> {
  const given = fc.option(amountArbitrary(max), { nil: null });
  return mayLeaveOut ? fc.oneof(fc.constant(undefined), given) : given;
}

/** A long-context tier whose threshold some generated calls exceed (inputs reach 8,000 × tokenizer factor). */
function longContextArbitrary(baseInputPerMTok: number): fc.Arbitrary<Json> {
  const mayLeaveOut = baseInputPerMTok > 0;
  return fc
    .record({
      aboveInputTokens: fc.oneof(fc.constantFrom(0, 1000, 4000), fc.integer({ min: 0, max: 12000 })),
      inputPerMTok: amountArbitrary(120),
      outputPerMTok: amountArbitrary(240),
      cacheReadPerMTok: tierCachePriceArbitrary(20, mayLeaveOut),
      cacheWritePerMTok: tierCachePriceArbitrary(160, mayLeaveOut),
      cacheWrite1hPerMTok: tierCachePriceArbitrary(240, mayLeaveOut),
    })
    .map((tier) => {
      const out: Json = {};
      for (const [key, value] of Object.entries(tier)) if (value !== undefined) out[key] = value;
      return out;
    });
}

/** The per-token pricing fields version 3 adds. */
function perTokenV3Arbitrary(pricing: Json): fc.Arbitrary<Json> {
  return fc.record({
    cacheWrite1hPerMTok: fc.option(amountArbitrary(120), { nil: null }),
    minCachePrefixTokens: fc.oneof(
      fc.constant(0),
      fc.constantFrom(1024, 2048, 4096),
      fc.integer({ min: 0, max: 12000 }),
    ),
    batchCaching: fc.boolean(),
    longContext: fc.option(longContextArbitrary(pricing.inputPerMTok as number), { nil: null }),
  });
}

function capacityPricingArbitrary(): fc.Arbitrary<Json> {
  return fc.record({
    kind: fc.constant('capacity'),
    hourlyPerUnit: amountArbitrary(50),
    tokensPerMinutePerUnit: fc.oneof(fc.constantFrom(1000, 60000, 1e6), doubleArbitrary(1, 2e6)),
    minUnits: fc.integer({ min: 0, max: 3 }),
  });
}

/** Version 3's pricing fields added to a pricing of either kind. */
function pricingV3Arbitrary(pricing: Json): fc.Arbitrary<Json> {
  if (pricing.kind === 'capacity')
    return fc
      .oneof(fc.constantFrom(0, 1, 6), fc.integer({ min: 0, max: 12 }))
      .map((commitmentMonths) => ({ ...pricing, commitmentMonths }));
  return perTokenV3Arbitrary(pricing).map((extra) => ({ ...pricing, ...extra }));
}

function modelArbitrary(id: string, v3: boolean): fc.Arbitrary<Json> {
  const base = fc.record({
    id: fc.constant(id),
    name: fc.constant(`Model ${id}`),
    provider: fc.constantFrom('Anthropic', 'Mistral AI', 'Meta'),
    platform: fc.constantFrom(...PLATFORMS),
    pricing: fc.oneof(
      { weight: 4, arbitrary: perTokenPricingArbitrary() },
      { weight: 1, arbitrary: capacityPricingArbitrary() },
    ),
    contextWindow: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null }),
    quality: fc.integer({ min: 0, max: 100 }),
    outputTokenFactor: fc.oneof(fc.constant(1), doubleArbitrary(0, 3)),
    openWeight: fc.boolean(),
  });
  if (!v3) return base;
  return base.chain((model) =>
    fc
      .record({
        pricing: pricingV3Arbitrary(model.pricing as Json),
        region: fc.option(fc.constantFrom(...REGIONS), { nil: null }),
        tokenizerFactor: fc.oneof(fc.constantFrom(1, 1.3), uniformArbitrary(0.5, 2)),
        reasoning: fc.boolean(),
      })
      .map((extra) => ({ ...model, ...extra })),
  );
}

function sliceArbitrary(id: string, v3: boolean): fc.Arbitrary<Json> {
  const base = fc.record({
    id: fc.constant(id),
    name: fc.constant(`Slice ${id}`),
    requestsPerMonth: scaleArbitrary(1, 5e7),
    // Sometimes exactly a long-context threshold or a minimum cached prefix, to test the boundaries.
    inputTokens: fc.oneof(
      { weight: 4, arbitrary: amountArbitrary(8000) },
      { weight: 1, arbitrary: fc.constantFrom(1000, 4000, 4096) },
    ),
    outputTokens: amountArbitrary(2000),
    cachedPrefixTokens: fc.oneof(
      { weight: 4, arbitrary: amountArbitrary(10000) },
      { weight: 1, arbitrary: fc.constantFrom(1024, 4096) },
    ),
    cacheHitRate: rateArbitrary(),
    batchShare: rateArbitrary(),
    qualityBar: fc.integer({ min: 0, max: 100 }),
    monthlyGrowth: growthArbitrary(),
  });
  if (!v3) return base;
  return fc
    .tuple(
      base,
      fc.record({
        regions: fc.option(fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 3 }), {
          nil: null,
        }),
        cacheTtl: fc.constantFrom('5m', '1h'),
        reasoningTokens: fc.oneof(fc.constant(0), amountArbitrary(4000)),
      }),
    )
    .map(([slice, extra]) => ({ ...slice, ...extra }));
}

type Catalog = { ids: string[]; perTokenIds: string[] };

/** Routes for some of the slices (possibly none, possibly all), keyed on a null-prototype record. */
function routesArbitrary<T>(sliceIds: readonly string[], route: fc.Arbitrary<T>): fc.Arbitrary<Json> {
  return fc.subarray([...sliceIds]).chain((routed) =>
    fc.tuple(...routed.map(() => route)).map((values) => {
      const routes = createRecord();
      routed.forEach((sliceId, index) => (routes[sliceId] = values[index]));
      return routes;
    }),
  );
}

/** Adds a fallback when some slice has no route; sometimes adds one anyway. */
function withFallback(
  base: Json,
  routes: Json,
  sliceIds: readonly string[],
  catalog: Catalog,
): fc.Arbitrary<Json> {
  const allRouted = sliceIds.every((id) => Object.hasOwn(routes, id));
  const fallback = fc.constantFrom(...catalog.ids);
  if (allRouted)
    return fc
      .option(fallback, { nil: undefined })
      .map((id) => (id === undefined ? base : { ...base, fallback: id }));
  return fallback.map((id) => ({ ...base, fallback: id }));
}

function cascadeRouteArbitrary(catalog: Catalog): fc.Arbitrary<Json> {
  return fc.array(fc.constantFrom(...catalog.ids), { minLength: 1, maxLength: 3 }).chain((steps) =>
    fc
      .array(rateArbitrary(), { minLength: steps.length - 1, maxLength: steps.length - 1 })
      .map((escalation) => ({
        steps,
        escalation,
      })),
  );
}

/** Router shares: one to three models, weights normalised to sum to 1 (some may be 0). */
function routerSharesArbitrary(catalog: Catalog): fc.Arbitrary<Json> {
  return fc.uniqueArray(fc.constantFrom(...catalog.ids), { minLength: 1, maxLength: 3 }).chain((ids) =>
    fc
      .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), doubleArbitrary(0.01, 1)), {
        minLength: ids.length,
        maxLength: ids.length,
      })
      .map((weights) => {
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        const shares = createRecord();
        ids.forEach((id, index) => {
          shares[id] = total > 0 ? (weights[index] ?? 0) / total : index === 0 ? 1 : 0;
        });
        return shares;
      }),
  );
}

function strategyArbitrary(id: string, sliceIds: readonly string[], catalog: Catalog): fc.Arbitrary<Json> {
  const name = `Strategy ${id}`;
  const kinds: fc.Arbitrary<Json>[] = [
    fc.constantFrom(...catalog.ids).map((model) => ({ id, name, kind: 'single', model })),
    routesArbitrary(sliceIds, fc.constantFrom(...catalog.ids)).chain((routes) =>
      withFallback({ id, name, kind: 'assign', routes }, routes, sliceIds, catalog),
    ),
    routesArbitrary(sliceIds, cascadeRouteArbitrary(catalog)).chain((routes) =>
      withFallback({ id, name, kind: 'cascade', routes }, routes, sliceIds, catalog),
    ),
  ];
  const classifier =
    catalog.perTokenIds.length > 0
      ? fc.option(
          fc.record({
            model: fc.constantFrom(...catalog.perTokenIds),
            inputTokens: amountArbitrary(1000),
            outputTokens: amountArbitrary(20),
          }),
          { nil: null },
        )
      : fc.constant(null);
  kinds.push(
    fc
      .tuple(classifier, routesArbitrary(sliceIds, routerSharesArbitrary(catalog)))
      .chain(([classifierValue, routes]) =>
        withFallback(
          { id, name, kind: 'router', classifier: classifierValue, routes },
          routes,
          sliceIds,
          catalog,
        ),
      ),
  );
  if (catalog.perTokenIds.length > 0) kinds.push(fc.constant({ id, name, kind: 'cheapest-meeting-bar' }));
  return fc.oneof(...kinds);
}

function poolArbitrary(id: string, horizonMonths: number, platforms: readonly string[]): fc.Arbitrary<Json> {
  return fc.record({
    id: fc.constant(id),
    name: fc.constant(`Pool ${id}`),
    amount: scaleArbitrary(10, 1e7),
    startMonth: fc.integer({ min: 0, max: horizonMonths + 1 }),
    expiresAfterMonths: fc.option(fc.integer({ min: 1, max: horizonMonths + 1 }), { nil: null }),
    appliesTo: fc.uniqueArray(fc.constantFrom('*', 'nowhere', ...platforms), { minLength: 1, maxLength: 3 }),
  });
}

function financeArbitrary(): fc.Arbitrary<Json> {
  return fc.record({
    cashOnHand: fc.oneof(
      { weight: 6, arbitrary: scaleArbitrary(100, 1e9) },
      { weight: 1, arbitrary: uniformArbitrary(-1e5, 0) },
    ),
    otherMonthlyBurn: scaleArbitrary(100, 1e6),
    monthlyRevenue: scaleArbitrary(100, 1e6),
    revenueGrowth: growthArbitrary(),
  });
}

/** A fixed cost with a window (or none), growth, and every strategy or a list of them (possibly empty). */
function fixedCostArbitrary(
  id: string,
  horizonMonths: number,
  platforms: readonly string[],
  strategyIds: readonly string[],
): fc.Arbitrary<Json> {
  return fc.integer({ min: 0, max: horizonMonths + 1 }).chain((startMonth) =>
    fc.record({
      id: fc.constant(id),
      name: fc.constant(`Fixed cost ${id}`),
      platform: fc.constantFrom('bedrock', 'nowhere', ...platforms),
      monthlyAmount: scaleArbitrary(1, 1e5),
      startMonth: fc.constant(startMonth),
      endMonth: fc.option(fc.integer({ min: startMonth + 1, max: horizonMonths + 2 }), { nil: null }),
      monthlyGrowth: growthArbitrary(),
      strategies: fc.option(fc.subarray([...strategyIds]), { nil: null }),
    }),
  );
}

/**
 * The user's evaluations: none (most often), or scores for some distinct model × slice pairs, on the same 0–100
 * scale as the generated qualities and bars so that they move models across bars both ways.
 */
function evaluationsArbitrary(
  modelIds: readonly string[],
  sliceIds: readonly string[],
): fc.Arbitrary<Json[]> {
  const pairs = modelIds.flatMap((model) => sliceIds.map((slice) => ({ model, slice })));
  if (pairs.length === 0) return fc.constant([]);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Json[]>([]) },
    {
      weight: 1,
      arbitrary: fc.subarray(pairs, { minLength: 1 }).chain((chosen) =>
        fc.tuple(
          ...chosen.map((pair) =>
            fc.record({
              model: fc.constant(pair.model),
              slice: fc.constant(pair.slice),
              score: fc.oneof(fc.integer({ min: 0, max: 100 }), uniformArbitrary(0, 100)),
            }),
          ),
        ),
      ),
    },
  );
}

/** Which schema version the generated documents are written in. */
export type ScenarioArbitraryOptions = {
  /** 3 (the default): every version-3 field used; 2: a version-2 document with none of them. */
  version?: 2 | 3;
};

/** Valid scenario documents as a user would write them (all fields spelled out, some nulls). */
export function scenarioInputArbitrary(options: ScenarioArbitraryOptions = {}): fc.Arbitrary<ScenarioInput> {
  const v3 = (options.version ?? 3) === 3;
  return fc
    .record({
      horizonMonths: fc.oneof(fc.constantFrom(1, 12, 24, 36), fc.integer({ min: 1, max: 36 })),
      modelIds: uniqueIds(1, 6),
      sliceIds: fc.oneof(
        { weight: 1, arbitrary: fc.constant<string[]>([]) },
        { weight: 8, arbitrary: uniqueIds(1, 4) },
      ),
      strategyIds: uniqueIds(1, 5),
      poolIds: fc.oneof(
        { weight: 1, arbitrary: fc.constant<string[]>([]) },
        { weight: 4, arbitrary: uniqueIds(1, 3) },
      ),
      fixedCostIds: v3
        ? fc.oneof(
            { weight: 1, arbitrary: fc.constant<string[]>([]) },
            { weight: 2, arbitrary: uniqueIds(1, 3) },
          )
        : fc.constant<string[]>([]),
    })
    .chain(({ horizonMonths, modelIds, sliceIds, strategyIds, poolIds, fixedCostIds }) =>
      fc
        .tuple(
          fc.tuple(...modelIds.map((id) => modelArbitrary(id, v3))),
          fc.tuple(...sliceIds.map((id) => sliceArbitrary(id, v3))),
        )
        .chain(([catalog, traffic]) => {
          const catalogIds: Catalog = {
            ids: modelIds,
            perTokenIds: catalog
              .filter((model) => (model.pricing as Json).kind === 'per-token')
              .map((model) => model.id as string),
          };
          const platforms = [...new Set(catalog.map((model) => model.platform as string))];
          const document = {
            schemaVersion: fc.constant(v3 ? (3 as const) : (2 as const)),
            name: fc.constant('Generated scenario'),
            horizonMonths: fc.constant(horizonMonths),
            options: fc.record({
              batch: fc.boolean(),
              caching: fc.boolean(),
              peakToAverage: fc.oneof(fc.constantFrom(0, 1, 2), doubleArbitrary(0, 5)),
            }),
            catalog: fc.constant(catalog),
            traffic: fc.constant(traffic),
            strategies: fc.tuple(...strategyIds.map((id) => strategyArbitrary(id, sliceIds, catalogIds))),
            credits: fc.tuple(...poolIds.map((id) => poolArbitrary(id, horizonMonths, platforms))),
            finance: financeArbitrary(),
          };
          if (!v3) return fc.record(document) as fc.Arbitrary<ScenarioInput>;
          return fc.record({
            ...document,
            fixedCosts: fc.tuple(
              ...fixedCostIds.map((id) => fixedCostArbitrary(id, horizonMonths, platforms, strategyIds)),
            ),
            evaluations: evaluationsArbitrary(modelIds, sliceIds),
          }) as fc.Arbitrary<ScenarioInput>;
        }),
    );
}

/** Validates a generated document; a failure here is a bug in the generator, reported with its issues. */
export function toValidScenario(input: ScenarioInput): Scenario {
  const result = validateScenario(input);
  if (!result.ok) {
    throw new Error(
      `generated an invalid scenario: ${JSON.stringify(result.issues)}\n${JSON.stringify(input)}`,
    );
  }
  return result.value;
}

/** Valid, defaults-filled scenarios, ready for `simulate`. */
export function scenarioArbitrary(options: ScenarioArbitraryOptions = {}): fc.Arbitrary<Scenario> {
  return scenarioInputArbitrary(options).map(toValidScenario);
}
