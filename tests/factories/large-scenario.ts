/**
 * A large, deterministic scenario for benchmarks: 2,000 models, 40 traffic slices, one strategy of each of the five
 * kinds, three credit pools and a 60-month horizon. The same options always give the same document.
 */
import type { ScenarioInput } from '../../src/domain/scenario-schema';

export type LargeScenarioOptions = {
  modelCount?: number;
  sliceCount?: number;
  horizonMonths?: number;
  /**
   * Strategies: the first five are one of each kind; more repeat the kinds in turn with routes drawn afresh
   * (a team comparing many variants). Default 5.
   */
  strategyCount?: number;
  /** Seed of the pseudo-random generator that picks prices, volumes and routes. */
  seed?: number;
};

const PLATFORMS = ['azure', 'bedrock', 'self-hosted', 'vertex', 'openai'] as const;

/** mulberry32: a tiny seeded generator of numbers in [0, 1), so the scenario is the same on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function createRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Builds the large benchmark scenario as a scenario document (validate it before simulating). */
export function createLargeScenario(options: LargeScenarioOptions = {}): ScenarioInput {
  const {
    modelCount = 2000,
    sliceCount = 40,
    horizonMonths = 60,
    strategyCount = 5,
    seed = 20270101,
  } = options;
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const round = (value: number, step: number) => Math.round(value / step) * step;

  const catalog: NonNullable<ScenarioInput['catalog']> = [];
  for (let i = 0; i < modelCount; i++) {
    const platform = pick(PLATFORMS);
    const id = `${platform}:model-${i}`;
    // Every tenth model is capacity-billed (provisioned throughput or self-hosting).
    if (i % 10 === 9) {
      catalog.push({
        id,
        name: `Model ${i}`,
        provider: 'Benchmark',
        platform,
        pricing: {
          kind: 'capacity',
          hourlyPerUnit: round(1 + random() * 40, 0.01),
          tokensPerMinutePerUnit: round(10000 + random() * 200000, 1000),
          minUnits: Math.floor(random() * 3),
        },
        quality: Math.floor(random() * 100),
        openWeight: true,
      });
      continue;
    }
    const inputPerMTok = round(0.05 + random() * 15, 0.01);
    const hasCache = random() < 0.5;
    catalog.push({
      id,
      name: `Model ${i}`,
      provider: 'Benchmark',
      platform,
      pricing: {
        kind: 'per-token',
        inputPerMTok,
        outputPerMTok: round(inputPerMTok * (2 + random() * 3), 0.01),
        cacheWritePerMTok: hasCache && random() < 0.5 ? round(inputPerMTok * 1.25, 0.0001) : null,
        cacheReadPerMTok: hasCache ? round(inputPerMTok * 0.1, 0.0001) : null,
        batchDiscount: random() < 0.7 ? 0.5 : null,
      },
      contextWindow: pick([8000, 32000, 128000, 200000, null]),
      quality: Math.floor(random() * 100),
      outputTokenFactor: pick([1, 1, 1, 1.2, 0.8]),
      openWeight: random() < 0.3,
    });
  }
  const modelIds = catalog.map((model) => model.id);
  const perTokenIds = catalog.filter((model) => model.pricing.kind === 'per-token').map((model) => model.id);

  const traffic: NonNullable<ScenarioInput['traffic']> = [];
  for (let i = 0; i < sliceCount; i++) {
    const inputTokens = Math.floor(100 + random() * 6000);
    traffic.push({
      id: `slice-${i}`,
      name: `Slice ${i}`,
      requestsPerMonth: Math.floor(1000 + random() * 5_000_000),
      inputTokens,
      outputTokens: Math.floor(10 + random() * 1500),
      cachedPrefixTokens: Math.floor(random() * inputTokens),
      cacheHitRate: round(random(), 0.01),
      batchShare: round(random(), 0.01),
      qualityBar: Math.floor(random() * 95),
      monthlyGrowth: round(-0.02 + random() * 0.1, 0.001),
    });
  }

  function drawRoutes() {
    const assignRoutes = createRecord<string>();
    const cascadeRoutes = createRecord<{ steps: string[]; escalation: number[] }>();
    const routerRoutes = createRecord<Record<string, number>>();
    for (const slice of traffic) {
      assignRoutes[slice.id] = pick(modelIds);
      cascadeRoutes[slice.id] = {
        steps: [pick(modelIds), pick(modelIds), pick(modelIds)],
        escalation: [round(random() * 0.3, 0.01), round(random() * 0.3, 0.01)],
      };
      const shares = createRecord<number>();
      shares[pick(modelIds)] = 0.6;
      let second = pick(modelIds);
      while (Object.hasOwn(shares, second)) second = pick(modelIds);
      shares[second] = 0.4;
      routerRoutes[slice.id] = shares;
    }
    return { assignRoutes, cascadeRoutes, routerRoutes };
  }
  const { assignRoutes, cascadeRoutes, routerRoutes } = drawRoutes();
  const strategies: NonNullable<ScenarioInput['strategies']> = [
    { id: 'single', name: 'One model', kind: 'single', model: perTokenIds[0] ?? '' },
    {
      id: 'assign',
      name: 'One model per slice',
      kind: 'assign',
      routes: assignRoutes,
      fallback: modelIds[1],
    },
    {
      id: 'cascade',
      name: 'Three-step cascade',
      kind: 'cascade',
      routes: cascadeRoutes,
      fallback: modelIds[2],
    },
    {
      id: 'router',
      name: 'Classifier router',
      kind: 'router',
      classifier: { model: perTokenIds[3] ?? '', inputTokens: 300, outputTokens: 5 },
      routes: routerRoutes,
      fallback: modelIds[4],
    },
    { id: 'cheapest', name: 'Cheapest meeting each bar', kind: 'cheapest-meeting-bar' },
  ].slice(0, strategyCount) as NonNullable<ScenarioInput['strategies']>;
  for (let n = strategies.length; n < strategyCount; n++) {
    const variant = Math.floor(n / 5) + 1;
    const routes = drawRoutes();
    const kinds: NonNullable<ScenarioInput['strategies']> = [
      { id: `single-${variant}`, name: `One model ${variant}`, kind: 'single', model: pick(perTokenIds) },
      { id: `assign-${variant}`, name: `Per slice ${variant}`, kind: 'assign', routes: routes.assignRoutes },
      { id: `cascade-${variant}`, name: `Cascade ${variant}`, kind: 'cascade', routes: routes.cascadeRoutes },
      {
        id: `router-${variant}`,
        name: `Router ${variant}`,
        kind: 'router',
        classifier: null,
        routes: routes.routerRoutes,
      },
      { id: `cheapest-${variant}`, name: `Cheapest ${variant}`, kind: 'cheapest-meeting-bar' },
    ];
    strategies.push(kinds[n % 5]!);
  }

  return {
    schemaVersion: 1,
    name: `Benchmark: ${modelCount} models × ${sliceCount} slices × ${horizonMonths} months`,
    horizonMonths,
    startMonth: '2027-01',
    options: { batch: true, caching: true, peakToAverage: 2 },
    catalog,
    traffic,
    strategies,
    credits: [
      {
        id: 'poc',
        name: 'POC credits',
        amount: 50_000,
        startMonth: 0,
        expiresAfterMonths: 6,
        appliesTo: ['bedrock'],
      },
      {
        id: 'activate',
        name: 'Activate',
        amount: 100_000,
        startMonth: 2,
        expiresAfterMonths: 24,
        appliesTo: ['bedrock'],
      },
      {
        id: 'cloud',
        name: 'Cloud credits',
        amount: 250_000,
        startMonth: 0,
        expiresAfterMonths: null,
        appliesTo: ['*'],
      },
    ],
    finance: {
      cashOnHand: 5_000_000,
      otherMonthlyBurn: 150_000,
      monthlyRevenue: 20_000,
      revenueGrowth: 0.05,
    },
  };
}
