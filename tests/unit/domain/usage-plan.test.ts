import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { mapUsageModel, modelNameCandidates } from '../../../src/domain/usage-mapping';
import {
  adaptStrategies,
  DEFAULT_INPUT_TOKENS_PER_REQUEST,
  deriveUsagePlan,
  fitMonthlyGrowth,
  monthRange,
} from '../../../src/domain/usage-plan';
import type { UsagePlanOptions } from '../../../src/domain/usage-plan';
import { backtestUsage, priceExactUsage, reconcileUsage } from '../../../src/domain/usage-reconcile';
import type { UsageRecord } from '../../../src/domain/usage-records';
import { readUsageText } from '../../../src/io/usage-import';
import { makeUsageBaseScenario, makeUsageRow, sumUsageRows } from '../../factories/usage-builders';

const MONEY = 9; // decimal places: money compared to a billionth of a dollar

const BY_MODEL: UsagePlanOptions = {
  groupBy: 'model',
  inputTokensPerRequest: DEFAULT_INPUT_TOKENS_PER_REQUEST,
  mapping: new Map(),
};

/**
 * Two months of Acme Sonnet: January 1,000 requests with 1M uncached input, 2M cache reads, 0.5M 5-minute and
 * 0.1M 1-hour writes and 0.2M output, billed per class at the catalog's prices (3 + 0.6 + 1.875 + 0.6 + 3 =
 * $9.075); February everything × 1.1, but output billed at $16.50 instead of $15 (0.22M × 16.5 = $3.63). And an
 * unknown model billed $5 in January.
 */
function workedRecords(): UsageRecord[] {
  const rows = [];
  for (const [month, k, outputPerMTok] of [
    ['2026-01', 1, 15],
    ['2026-02', 1.1, 16.5],
  ] as const) {
    const tokens = {
      input: 1e6 * k,
      cacheRead: 2e6 * k,
      cacheWrite5m: 0.5e6 * k,
      cacheWrite1h: 0.1e6 * k,
      output: 0.2e6 * k,
    };
    rows.push(makeUsageRow(month, 'acme-sonnet-1', tokens, { requests: 1000 * k }));
    const costs = {
      input: 3 * k,
      cacheRead: 0.6 * k,
      cacheWrite5m: 1.875 * k,
      cacheWrite1h: 0.6 * k,
      output: 0.2 * k * outputPerMTok,
    };
    for (const [costClass, cost] of Object.entries(costs)) {
      rows.push(
        makeUsageRow(month, 'acme-sonnet-1', {}, { cost, costClass: costClass as keyof typeof costs }),
      );
    }
  }
  rows.push(makeUsageRow('2026-01', 'mystery-model', { input: 1e6 }, { requests: 10, cost: 5 }));
  return sumUsageRows(rows);
}

describe('deriving slices from usage', () => {
  const base = makeUsageBaseScenario();
  const plan = deriveUsagePlan(workedRecords(), base, base.catalog, BY_MODEL);

  it('averages each token class over the requests of every month', () => {
    // Requests 1,000 + 1,100 = 2,100. Input (1 + 2 + 0.5 + 0.1)M × 2.1 = 7.56M → 3,600 per request; prefix
    // (2 + 0.6)M × 2.1 / 2,100 = 2,600; hit rate 2 / 2.6; output 0.2M × 2.1 / 2,100 = 200; more 5-minute writes.
    expect(plan.slices).toHaveLength(1);
    const { slice, model } = plan.slices[0]!;
    expect(model.id).toBe('acme:sonnet');
    expect(slice.inputTokens).toBeCloseTo(3600, 6);
    expect(slice.cachedPrefixTokens).toBeCloseTo(2600, 6);
    expect(slice.cacheHitRate).toBeCloseTo(2 / 2.6, 12);
    expect(slice.outputTokens).toBeCloseTo(200, 6);
    expect(slice.cacheTtl).toBe('5m');
    expect(slice.batchShare).toBe(0);
  });

  it('fits growth to the months and starts the plan the month after the last', () => {
    // 1,000 then 1,100: growth 10 %, and the fit's March (t = 2) is 1,210.
    const { slice } = plan.slices[0]!;
    expect(slice.monthlyGrowth).toBeCloseTo(0.1, 12);
    expect(slice.requestsPerMonth).toBeCloseTo(1210, 6);
    expect(plan.scenario?.startMonth).toBe('2026-03');
  });

  it('lists the model no catalog row matches, with its tokens and cost', () => {
    expect(plan.unmapped).toEqual([{ model: 'mystery-model', platform: 'bedrock', tokens: 1e6, cost: 5 }]);
    expect(plan.mappings.map((mapping) => mapping.modelId)).toEqual(['acme:sonnet', null]);
  });

  it('puts Today first, routing the slice where it went, and adapts the other strategies', () => {
    const scenario = plan.scenario!;
    expect(scenario.strategies.map((strategy) => strategy.id)).toEqual([
      'today',
      'all-mini',
      'old-assign',
      'cheapest',
    ]);
    const today = scenario.strategies[0]!;
    expect(today.kind === 'assign' && { ...today.routes }).toEqual({ 'acme-sonnet': 'acme:sonnet' });
    // The old assignment had no fallback: the new slice goes where it goes today; its old route is dropped.
    const old = scenario.strategies[2]!;
    expect(old.kind === 'assign' && { ...old.routes }).toEqual({ 'acme-sonnet': 'acme:sonnet' });
    expect(scenario.traffic.map((slice) => slice.id)).toEqual(['acme-sonnet']);
  });

  it('groups by tag and model when asked, and keeps batch traffic its own slice', () => {
    const records = sumUsageRows([
      makeUsageRow(
        '2026-01',
        'acme-mini',
        { input: 4000, output: 100 },
        { requests: 2, groups: { tag: 'support', project: null, apiKey: null } },
      ),
      makeUsageRow(
        '2026-01',
        'acme-mini',
        { input: 8000 },
        { requests: 2, batch: true, groups: { tag: 'support', project: null, apiKey: null } },
      ),
      makeUsageRow('2026-01', 'acme-mini', { input: 1000 }, { requests: 1 }),
    ]);
    const byTag = deriveUsagePlan(records, base, base.catalog, { ...BY_MODEL, groupBy: 'tag' });
    expect(byTag.slices.map(({ slice }) => [slice.name, slice.batchShare, slice.inputTokens])).toEqual([
      ['support · Acme Mini', 0, 2000],
      ['support · Acme Mini (batch)', 1, 4000],
      ['no tag · Acme Mini', 0, 1000],
    ]);
  });

  it('estimates requests from input tokens where the file does not count them', () => {
    // 8,000 input tokens at 4,000 per request: 2 requests.
    const records = sumUsageRows([makeUsageRow('2026-01', 'acme-mini', { input: 8000, output: 50 })]);
    const estimated = deriveUsagePlan(records, base, base.catalog, BY_MODEL);
    expect(estimated.requestsEstimated).toBe(true);
    expect(estimated.slices[0]!.slice.requestsPerMonth).toBeCloseTo(2, 12);
    expect(estimated.slices[0]!.slice.outputTokens).toBeCloseTo(25, 12);
  });

  it('says so when no usage maps to the catalog', () => {
    const none = deriveUsagePlan(
      sumUsageRows([makeUsageRow('2026-01', 'x', { input: 1 }, { requests: 1 })]),
      base,
      base.catalog,
      BY_MODEL,
    );
    expect(none.scenario).toBeNull();
    expect(none.issues[0]!.message).toMatch(/no usage/);
  });
});

describe('reconciling with the bill', () => {
  const base = makeUsageBaseScenario();
  const plan = deriveUsagePlan(workedRecords(), base, base.catalog, BY_MODEL);
  const [january, february] = reconcileUsage(plan);

  it('prices January as the plan does, and explains the gap by the cache assumption and the unknown model', () => {
    // Plan: every write at the 5-minute price, 1,000 calls of 3,600 in (2,600 cached, hit 2/2.6) and 200 out:
    // (1,000 × 3 + 2,600 × (2/2.6 × 0.30 + 0.6/2.6 × 3.75) + 200 × 15) / 1e6 = (3,000 + 2,850 + 3,000) / 1e6
    // = $0.00885 per call, $8.85. Exact: the 0.1M 1-hour writes at $6, not $3.75: 8.85 + 0.1 × 2.25 = $9.075.
    // Billed 9.075 + 5 (unknown model) = $14.075; gap 5.225 = cache 0.225 + not priced 5.
    expect(january!.plan).toBeCloseTo(8.85, MONEY);
    expect(january!.exact).toBeCloseTo(9.075, MONEY);
    expect(january!.billed).toBeCloseTo(14.075, MONEY);
    expect(january!.gap).toBeCloseTo(5.225, MONEY);
    const amounts = Object.fromEntries(january!.lines.map((line) => [line.kind, line.amount]));
    expect(amounts.cache).toBeCloseTo(0.225, MONEY);
    expect(amounts.unpriced).toBeCloseTo(5, MONEY);
    // Billed at the catalog's prices: no price line.
    expect(amounts.price).toBeUndefined();
  });

  it('finds February’s changed output price, class by class', () => {
    // Output billed 0.22M × $16.50 = $3.63 against the catalog's 0.22M × $15 = $3.30: +$0.33.
    const sonnet = february!.rows.find((row) => row.key === 'acme:sonnet')!;
    const price = sonnet.lines.find((line) => line.kind === 'price')!;
    expect(price.amount).toBeCloseTo(0.33, MONEY);
    const output = price.classes.find((cls) => cls.tokenClass === 'output')!;
    expect(output.billed).toBeCloseTo(3.63, MONEY);
    expect(output.catalog).toBeCloseTo(3.3, MONEY);
    expect(price.classes.find((cls) => cls.tokenClass === 'input')!.catalog).toBeCloseTo(3.3, MONEY);
  });

  it('counts batch or caching switched off in the scenario as its own line', () => {
    const noCaching = { ...base, options: { ...base.options, caching: false } };
    const off = reconcileUsage(deriveUsagePlan(workedRecords(), noCaching, base.catalog, BY_MODEL))[0]!;
    // Without caching every input token bills at $3: 3,600 × 1,000 × 3 / 1e6 + 3 = $13.80; the plan with caching
    // on is $8.85, so the options line is 8.85 − 13.80 = −4.95.
    expect(off.plan).toBeCloseTo(13.8, MONEY);
    expect(off.lines.find((line) => line.kind === 'options')!.amount).toBeCloseTo(-4.95, MONEY);
  });

  it('prices the exact tokens of each cache TTL at its own price', () => {
    // The doc example: 3 + 0.6 + 1.875 + 0.6 + 3 = $9.075.
    const usage = plan.slices[0]!.byMonth[0]!;
    expect(priceExactUsage(usage, plan.slices[0]!.model, 0)).toBeCloseTo(9.075, MONEY);
  });
});

describe('back-testing every strategy', () => {
  it('prices each month under every strategy of the derived scenario', () => {
    const base = makeUsageBaseScenario();
    const plan = deriveUsagePlan(workedRecords(), base, base.catalog, BY_MODEL);
    const [january] = backtestUsage(plan);
    const spend = Object.fromEntries(january!.spend.map((entry) => [entry.strategyId, entry.spend]));
    expect(spend.today).toBeCloseTo(8.85, MONEY);
    // All on Mini (no caching): 1,000 × (3,600 × 0.15 + 200 × 0.60) / 1e6 = $0.66.
    expect(spend['all-mini']).toBeCloseTo(0.66, MONEY);
    expect(january!.billed).toBeCloseTo(14.075, MONEY);
  });
});

describe('mapping a file’s model to a catalog row', () => {
  const base = makeUsageBaseScenario();

  it('tries the name as written, without a provider prefix, in-region and without a snapshot date', () => {
    expect(
      modelNameCandidates({
        model: 'bedrock/anthropic.claude-x-v1:0',
        platform: 'bedrock',
        region: 'eu-west-3',
      }),
    ).toEqual([
      'bedrock/eu-west-3/bedrock/anthropic.claude-x-v1:0',
      'bedrock/anthropic.claude-x-v1:0',
      'bedrock/eu-west-3/anthropic.claude-x-v1:0',
      'anthropic.claude-x-v1:0',
    ]);
    expect(
      modelNameCandidates({ model: 'gpt-4o-mini-2024-07-18', platform: 'openai', region: null }),
    ).toEqual(['gpt-4o-mini-2024-07-18', 'gpt-4o-mini']);
  });

  it('matches by price key, id or name, and a user’s choice over all of them', () => {
    const ref = (model: string) => ({ model, platform: 'bedrock', region: null });
    expect(mapUsageModel(ref('acme-mini'), base.catalog)?.id).toBe('acme:mini');
    expect(mapUsageModel(ref('acme:sonnet'), base.catalog)?.id).toBe('acme:sonnet');
    expect(mapUsageModel(ref('ACME MINI'), base.catalog)?.id).toBe('acme:mini');
    expect(mapUsageModel(ref('unknown'), base.catalog)).toBeNull();
    expect(mapUsageModel(ref('unknown'), base.catalog, new Map([['unknown', 'acme:sonnet']]))?.id).toBe(
      'acme:sonnet',
    );
  });
});

describe('helpers', () => {
  it('fits exact geometric growth', () => {
    // 100, 110, 121: ln grows by ln 1.1 a month; at t = 3, 133.1.
    const fit = fitMonthlyGrowth([100, 110, 121], 3);
    expect(fit.growth).toBeCloseTo(0.1, 12);
    expect(fit.volume).toBeCloseTo(133.1, 9);
    expect(fitMonthlyGrowth([0, 50, 0], 3)).toEqual({ growth: 0, volume: 50 });
  });

  it('lists every month between two, across a year end', () => {
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('gives a cascade or router with no fallback one route per new slice', () => {
    const today = new Map([['s1', 'm1']]);
    const [cascade, router] = adaptStrategies(
      [
        { id: 'c', name: 'c', kind: 'cascade', routes: Object.create(null) },
        { id: 'r', name: 'r', kind: 'router', classifier: null, routes: Object.create(null) },
      ],
      today,
    );
    expect(cascade!.kind === 'cascade' && { ...cascade!.routes }).toEqual({
      s1: { steps: ['m1'], escalation: [] },
    });
    expect(router!.kind === 'router' && { ...router!.routes.s1 }).toEqual({ m1: 1 });
  });
});

describe('the sample files', () => {
  const shipped = JSON.parse(readFileSync('data/default-scenario.json', 'utf8')) as Record<string, unknown>;
  // The OpenAI fixtures bill GPT-4o mini, which the shipped catalog does not price (no OpenAI page in our sources
  // gives its prices): the scenario gets a test row at the prices the fixtures were billed at.
  const gpt4oMiniTestRow = JSON.parse(
    readFileSync('tests/fixtures/usage/openai-gpt-4o-mini.catalog-row.json', 'utf8'),
  ) as unknown;
  const baseResult = validateScenario({
    ...shipped,
    catalog: [...(shipped['catalog'] as unknown[]), gpt4oMiniTestRow],
  });
  const fullResult = validateScenario({
    ...shipped,
    catalog: JSON.parse(readFileSync('data/catalog.json', 'utf8')),
  });
  if (!baseResult.ok || !fullResult.ok) throw new Error('the shipped data does not validate');
  const base = baseResult.value;
  const shippedCatalog = fullResult.value.catalog;

  function reconcileFiles(...names: string[]) {
    const records = names.flatMap((name) => {
      const result = readUsageText(readFileSync(`tests/fixtures/usage/${name}`, 'utf8'));
      if (!result.ok) throw new Error(result.message);
      return result.value.records;
    });
    const catalog = [...base.catalog, ...shippedCatalog];
    const plan = deriveUsagePlan(records, base, catalog, BY_MODEL);
    return reconcileUsage(plan);
  }

  /** Every row billed at the catalog's prices has its plan within 1 % of the tokens' billed cost. */
  function expectWithinOnePercent(
    months: ReturnType<typeof reconcileUsage>,
    billedAtCatalog: (row: string, month: string) => boolean,
  ) {
    let checked = 0;
    for (const month of months) {
      for (const row of month.rows) {
        if (!row.mapped || row.billed === null || !billedAtCatalog(row.key, month.month)) continue;
        // Cost that is not tokens (a web search) is not the catalog's to price.
        const priced =
          row.billed -
          row.lines.filter((line) => line.kind === 'unpriced').reduce((sum, line) => sum + line.amount, 0);
        expect(Math.abs(row.plan - priced) / priced).toBeLessThan(0.01);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  }

  it('reconciles the Cost and Usage Report within 1 % where the catalog prices are the billed ones', () => {
    const months = reconcileFiles('aws-cur-bedrock.csv');
    // October's Haiku was billed at $1.10 / $5.50, not the catalog's $1 / $5: that is the price line.
    expectWithinOnePercent(
      months,
      (row, month) => !(row.startsWith('bedrock:claude-haiku') && month === '2026-10'),
    );
    const haiku = months[1]!.rows.find((row) => row.key === 'bedrock:claude-haiku-4.5@global')!;
    expect(haiku.lines.find((line) => line.kind === 'price')!.amount).toBeCloseTo(2, MONEY);
    // The guardrail units and the unknown model are not priced: $0.75 + $2 a month.
    expect(months[0]!.lines.find((line) => line.kind === 'unpriced')!.amount).toBeCloseTo(2.75, MONEY);
  });

  it('reconciles Anthropic’s usage with its cost report, OpenAI’s with its cost export, and LiteLLM', () => {
    expectWithinOnePercent(reconcileFiles('anthropic-usage.json', 'anthropic-cost.json'), () => true);
    expectWithinOnePercent(reconcileFiles('openai-usage.jsonl', 'openai-costs.csv'), () => true);
    expectWithinOnePercent(reconcileFiles('litellm-spend.csv'), () => true);
  });

  it('prices invocation logs, which carry no cost, without a gap', () => {
    const months = reconcileFiles('bedrock-invocations.jsonl');
    expect(months.map((month) => month.billed)).toEqual([null, null]);
    expect(months[0]!.plan).toBeGreaterThan(0);
  });
});
