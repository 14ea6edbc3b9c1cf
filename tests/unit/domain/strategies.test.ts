/**
 * Worked examples of each strategy kind (DESIGN.md, "Strategies"), one month, no discounts unless stated.
 *
 * Per-call costs used throughout (P = price · 1e-6 per token):
 *   easy: 1,000,000 requests of 1000 in / 100 out;  hard: 100,000 requests of 2000 in / 500 out
 *   cheap ($1 / $2):   easy 1000·1e-6 + 100·2e-6 = 0.0012 → $1,200    hard 0.002 + 0.001 = 0.003 → $300
 *   mid   ($2 / $4):   easy 0.002 + 0.0004 = 0.0024 → $2,400          hard 0.004 + 0.002 = 0.006 → $600
 *   top   ($10 / $30): easy 0.01 + 0.003 = 0.013 → $13,000            hard 0.02 + 0.015 = 0.035 → $3,500
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import {
  createCapacityModel,
  createPerTokenModel,
  createScenario,
  createSlice,
  getMonth,
  simulateStrategyById,
} from '../../factories/scenario-builders';

/** Month figures are up to ~$20,000; 9 digits checks them to half a billionth of a dollar. */
const DOLLAR_DIGITS = 9;

const CHEAP = createPerTokenModel(
  'bedrock:cheap',
  { inputPerMTok: 1, outputPerMTok: 2 },
  { quality: 50, contextWindow: 32000 },
);
const MID = createPerTokenModel('bedrock:mid', { inputPerMTok: 2, outputPerMTok: 4 }, { quality: 70 });
const TOP = createPerTokenModel(
  'anthropic:top',
  { inputPerMTok: 10, outputPerMTok: 30 },
  { quality: 90, platform: 'anthropic', contextWindow: 200000 },
);
/** A classifier model with an output factor and a batch discount, neither of which a classifier call uses. */
const TINY = createPerTokenModel(
  'bedrock:tiny',
  { inputPerMTok: 0.1, outputPerMTok: 0.5, batchDiscount: 0.5 },
  { quality: 10, outputTokenFactor: 3 },
);

const EASY = createSlice('easy', { requestsPerMonth: 1_000_000, inputTokens: 1000, outputTokens: 100 });
const HARD = createSlice('hard', { requestsPerMonth: 100_000, inputTokens: 2000, outputTokens: 500 });

function runStrategy(strategy: ScenarioInput['strategies'][number], overrides: Partial<ScenarioInput> = {}) {
  const scenario = createScenario({
    catalog: [CHEAP, MID, TOP, TINY],
    traffic: [EASY, HARD],
    strategies: [strategy],
    ...overrides,
  });
  return simulateStrategyById(scenario, strategy.id);
}

describe('single', () => {
  it('sends every request of every slice to one model', () => {
    // easy $13,000 + hard $3,500 = $16,500, all on top, all on the "anthropic" platform
    const month = getMonth(runStrategy({ id: 's', name: 'All top', kind: 'single', model: 'anthropic:top' }));
    expect(month.spend).toBeCloseTo(16500, DOLLAR_DIGITS);
    expect(month.listSpend).toBeCloseTo(16500, DOLLAR_DIGITS);
    expect(month.bySlice['easy']).toBeCloseTo(13000, DOLLAR_DIGITS);
    expect(month.bySlice['hard']).toBeCloseTo(3500, DOLLAR_DIGITS);
    expect(month.byModel['anthropic:top']).toBeCloseTo(16500, DOLLAR_DIGITS);
    expect(month.byPlatform['anthropic']).toBeCloseTo(16500, DOLLAR_DIGITS);
  });
});

describe('assign', () => {
  it('sends routed slices to their model and the rest to the fallback', () => {
    // hard → top $3,500; easy has no route → fallback cheap $1,200; total $4,700
    const result = runStrategy({
      id: 'a',
      name: 'By slice',
      kind: 'assign',
      routes: { hard: 'anthropic:top' },
      fallback: 'bedrock:cheap',
    });
    const month = getMonth(result);
    expect(month.spend).toBeCloseTo(4700, DOLLAR_DIGITS);
    expect(month.bySlice['easy']).toBeCloseTo(1200, DOLLAR_DIGITS);
    expect(month.bySlice['hard']).toBeCloseTo(3500, DOLLAR_DIGITS);
    expect(month.byPlatform['bedrock']).toBeCloseTo(1200, DOLLAR_DIGITS);
    expect(month.byPlatform['anthropic']).toBeCloseTo(3500, DOLLAR_DIGITS);
  });

  it('needs no fallback when every slice has a route', () => {
    // easy → mid $2,400; hard → cheap $300
    const month = getMonth(
      runStrategy({
        id: 'a',
        name: 'By slice',
        kind: 'assign',
        routes: { easy: 'bedrock:mid', hard: 'bedrock:cheap' },
      }),
    );
    expect(month.spend).toBeCloseTo(2700, DOLLAR_DIGITS);
  });
});

describe('cascade', () => {
  it('pays every attempt: all requests on step 1, the escalated share on each later step', () => {
    // easy: steps cheap → mid → top, escalation [0.2, 0.5]
    //   cheap: every request            1.0 · $1,200  = $1,200
    //   mid:   20 % reach step 2        0.2 · $2,400  = $480
    //   top:   0.2 · 0.5 = 10 % reach 3 0.1 · $13,000 = $1,300      easy total $2,980
    // hard: no route → fallback top, one call: $3,500.               month total $6,480
    const month = getMonth(
      runStrategy({
        id: 'c',
        name: 'Cascade',
        kind: 'cascade',
        routes: {
          easy: { steps: ['bedrock:cheap', 'bedrock:mid', 'anthropic:top'], escalation: [0.2, 0.5] },
        },
        fallback: 'anthropic:top',
      }),
    );
    expect(month.bySlice['easy']).toBeCloseTo(2980, DOLLAR_DIGITS);
    expect(month.bySlice['hard']).toBeCloseTo(3500, DOLLAR_DIGITS);
    expect(month.spend).toBeCloseTo(6480, DOLLAR_DIGITS);
    expect(month.byModel['bedrock:cheap']).toBeCloseTo(1200, DOLLAR_DIGITS);
    expect(month.byModel['bedrock:mid']).toBeCloseTo(480, DOLLAR_DIGITS);
    expect(month.byModel['anthropic:top']).toBeCloseTo(4800, DOLLAR_DIGITS);
  });

  it('treats a one-step cascade as a single call', () => {
    // easy: steps [mid], escalation [] → $2,400; hard → fallback cheap $300
    const month = getMonth(
      runStrategy({
        id: 'c',
        name: 'Cascade',
        kind: 'cascade',
        routes: { easy: { steps: ['bedrock:mid'], escalation: [] } },
        fallback: 'bedrock:cheap',
      }),
    );
    expect(month.spend).toBeCloseTo(2700, DOLLAR_DIGITS);
  });
});

describe('router', () => {
  const router = {
    id: 'r',
    name: 'Router',
    kind: 'router',
    routes: { easy: { 'bedrock:cheap': 0.75, 'anthropic:top': 0.25 } },
    fallback: 'bedrock:mid',
  } as const;

  it('charges a classifier call on every request, at list price, then the share-weighted calls', () => {
    // classifier on tiny, 200 in + 10 out, as given: 200 · 0.1e-6 + 10 · 0.5e-6 = 0.00002 + 0.000005 = 0.000025
    //   (not 10 · 3 output tokens, and no batch discount even though every request is batched)
    // easy: 1e6 · 0.000025 = $25;  0.75 · $1,200 = $900;  0.25 · $13,000 = $3,250      → $4,175
    // hard: 1e5 · 0.000025 = $2.50; no route → fallback mid $600 (the classifier is still paid) → $602.50
    const result = runStrategy(
      { ...router, classifier: { model: 'bedrock:tiny', inputTokens: 200, outputTokens: 10 } },
      {
        traffic: [
          { ...EASY, batchShare: 1 },
          { ...HARD, batchShare: 1 },
        ],
      },
    );
    const month = getMonth(result);
    expect(month.bySlice['easy']).toBeCloseTo(4175, DOLLAR_DIGITS);
    expect(month.bySlice['hard']).toBeCloseTo(602.5, DOLLAR_DIGITS);
    expect(month.spend).toBeCloseTo(4777.5, DOLLAR_DIGITS);
    expect(month.byModel['bedrock:tiny']).toBeCloseTo(27.5, DOLLAR_DIGITS);
    expect(month.byModel['bedrock:cheap']).toBeCloseTo(900, DOLLAR_DIGITS);
    expect(month.byModel['anthropic:top']).toBeCloseTo(3250, DOLLAR_DIGITS);
    expect(month.byModel['bedrock:mid']).toBeCloseTo(600, DOLLAR_DIGITS);
    // bedrock = 27.5 + 900 + 600; anthropic = 3,250. No discount applied, so list = spend.
    expect(month.byPlatform['bedrock']).toBeCloseTo(1527.5, DOLLAR_DIGITS);
    expect(month.byPlatform['anthropic']).toBeCloseTo(3250, DOLLAR_DIGITS);
    expect(month.listSpend).toBeCloseTo(4777.5, DOLLAR_DIGITS);
    expect(month.savings.batch).toBeCloseTo(0, DOLLAR_DIGITS);
  });

  it('charges only the routed calls when there is no classifier', () => {
    // $4,777.50 − $27.50 of classifier calls = $4,750
    const month = getMonth(runStrategy({ ...router, classifier: null }));
    expect(month.spend).toBeCloseTo(4750, DOLLAR_DIGITS);
    expect(month.byModel['bedrock:tiny'] ?? 0).toBe(0);
  });
});

describe('cheapest-meeting-bar', () => {
  it('picks per slice the cheapest model meeting the quality bar and fitting the context window', () => {
    // easy (bar 60): mid $0.0024 beats top $0.013 (cheap is below the bar)        → mid,  $2,400
    // hard (bar 80): only top qualifies                                           → top,  $3,500
    // long (bar 0, 10 × 50,000 in / 100 out): cheap's 32,000 window < 50,100;
    //   mid 50,000 · 2e-6 + 100 · 4e-6 = 0.1004 beats top 0.503                   → mid,  $1.004
    const result = runStrategy(
      { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' },
      {
        catalog: [CHEAP, MID, TOP],
        traffic: [
          { ...EASY, qualityBar: 60 },
          { ...HARD, qualityBar: 80 },
          createSlice('long', { requestsPerMonth: 10, inputTokens: 50000, outputTokens: 100 }),
        ],
      },
    );
    const month = getMonth(result);
    expect(month.bySlice['easy']).toBeCloseTo(2400, DOLLAR_DIGITS);
    expect(month.bySlice['hard']).toBeCloseTo(3500, DOLLAR_DIGITS);
    expect(month.bySlice['long']).toBeCloseTo(1.004, DOLLAR_DIGITS);
    expect(month.byModel['bedrock:mid']).toBeCloseTo(2401.004, DOLLAR_DIGITS);
    expect(month.byModel['bedrock:cheap'] ?? 0).toBe(0);
    expect(result.unmetQuality).toEqual([]);
  });

  it('compares models on their final cost, after caching and batch', () => {
    // easy with batchShare 1: cheap-batch ($1.50 / $3, 50 % batch) costs (0.0015 + 0.0003) · 0.5 = 0.0009
    //   and beats cheap ($1 / $2, no batch) at 0.0012, though its list price is higher → $900
    const cheapBatch = createPerTokenModel(
      'bedrock:cheap-batch',
      { inputPerMTok: 1.5, outputPerMTok: 3, batchDiscount: 0.5 },
      { quality: 50 },
    );
    const month = getMonth(
      runStrategy(
        { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' },
        { catalog: [CHEAP, cheapBatch], traffic: [{ ...EASY, batchShare: 1 }] },
      ),
    );
    expect(month.byModel['bedrock:cheap-batch']).toBeCloseTo(900, DOLLAR_DIGITS);
  });

  it('checks the context window against the raw output tokens, not the model’s factor', () => {
    // wordy: window 1,100 = 1000 in + 100 raw out (1000 + 100 · 3 = 1,300 would not fit); quality 60
    //   cost 1000 · 1.5e-6 + 100 · 3 · 2e-6 = 0.0015 + 0.0006 = 0.0021 < mid 0.0024 → wordy, $2,100
    const wordy = createPerTokenModel(
      'bedrock:wordy',
      { inputPerMTok: 1.5, outputPerMTok: 2 },
      { quality: 60, contextWindow: 1100, outputTokenFactor: 3 },
    );
    const month = getMonth(
      runStrategy(
        { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' },
        { catalog: [MID, wordy], traffic: [{ ...EASY, qualityBar: 60 }] },
      ),
    );
    expect(month.byModel['bedrock:wordy']).toBeCloseTo(2100, DOLLAR_DIGITS);
  });

  it('breaks ties on cost by catalog order', () => {
    // twin-2 and twin-1 cost the same ($1,200); twin-2 is listed first and wins
    const twin2 = createPerTokenModel('twin-2', { inputPerMTok: 1, outputPerMTok: 2 }, { quality: 50 });
    const twin1 = createPerTokenModel('twin-1', { inputPerMTok: 1, outputPerMTok: 2 }, { quality: 50 });
    const month = getMonth(
      runStrategy(
        { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' },
        { catalog: [twin2, twin1], traffic: [EASY] },
      ),
    );
    expect(month.byModel['twin-2']).toBeCloseTo(1200, DOLLAR_DIGITS);
    expect(month.byModel['twin-1'] ?? 0).toBe(0);
  });

  it('falls back to the highest-quality model and lists slices whose bar nobody meets, in traffic order', () => {
    // bars 99 and 95 exceed every quality (top is 90): both slices use top, ignoring its context window
    // ("z-unmet" is 10 × 300,000 tokens in, far beyond top's 200,000 window).
    //   z-unmet: 10 · (300,000 · 10e-6 + 0) = 10 · 3 = $30;   easy-ish: 1000 · 0.013 = $13
    // unmetQuality lists them in traffic order (z before a), not alphabetically; "ok" (bar 0) takes cheap.
    const result = runStrategy(
      { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' },
      {
        catalog: [CHEAP, MID, TOP],
        traffic: [
          createSlice(
            'z-unmet',
            { requestsPerMonth: 10, inputTokens: 300000, outputTokens: 0 },
            { qualityBar: 99 },
          ),
          createSlice('ok', { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 }),
          createSlice(
            'a-unmet',
            { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 },
            { qualityBar: 95 },
          ),
        ],
      },
    );
    const month = getMonth(result);
    expect(result.unmetQuality).toEqual(['z-unmet', 'a-unmet']);
    expect(month.bySlice['z-unmet']).toBeCloseTo(30, DOLLAR_DIGITS);
    expect(month.bySlice['a-unmet']).toBeCloseTo(13, DOLLAR_DIGITS);
    expect(month.bySlice['ok']).toBeCloseTo(1.2, DOLLAR_DIGITS);
    expect(month.byModel['anthropic:top']).toBeCloseTo(43, DOLLAR_DIGITS);
  });

  it('among equally good fallbacks takes the cheaper, then the earlier in the catalog', () => {
    // bar 95; pricey ($10/$30) and fair ($2/$4) both have quality 90 → fair, 1000 · 0.0024 = $2.40
    const pricey = createPerTokenModel('pricey', { inputPerMTok: 10, outputPerMTok: 30 }, { quality: 90 });
    const fair = createPerTokenModel('fair', { inputPerMTok: 2, outputPerMTok: 4 }, { quality: 90 });
    const fairTwin = createPerTokenModel('fair-twin', { inputPerMTok: 2, outputPerMTok: 4 }, { quality: 90 });
    const slice = createSlice(
      's',
      { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 },
      { qualityBar: 95 },
    );
    const strategy = { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' } as const;

    const cheaper = getMonth(runStrategy(strategy, { catalog: [pricey, fair, CHEAP], traffic: [slice] }));
    expect(cheaper.byModel['fair']).toBeCloseTo(2.4, DOLLAR_DIGITS);

    const tied = getMonth(runStrategy(strategy, { catalog: [pricey, fairTwin, fair], traffic: [slice] }));
    expect(tied.byModel['fair-twin']).toBeCloseTo(2.4, DOLLAR_DIGITS);
    expect(tied.byModel['fair'] ?? 0).toBe(0);
  });

  it('never picks a capacity-billed model, even one of higher quality', () => {
    // self (quality 100) is ignored; bar 95 is unmet, so the best per-token model, top, is used: $13 for 1000 calls
    const self = createCapacityModel(
      'self',
      { hourlyPerUnit: 1, tokensPerMinutePerUnit: 60000 },
      { quality: 100 },
    );
    const result = runStrategy(
      { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' },
      {
        catalog: [self, TOP, CHEAP],
        traffic: [
          createSlice(
            's',
            { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 },
            { qualityBar: 95 },
          ),
        ],
      },
    );
    expect(getMonth(result).byModel['anthropic:top']).toBeCloseTo(13, DOLLAR_DIGITS);
    expect(getMonth(result).byModel['self'] ?? 0).toBe(0);
    expect(result.unmetQuality).toEqual(['s']);
  });

  it('lists no unmet slices for other strategy kinds', () => {
    const result = runStrategy(
      { id: 's', name: 'Single', kind: 'single', model: 'bedrock:cheap' },
      { traffic: [{ ...EASY, qualityBar: 100 }] },
    );
    expect(result.unmetQuality).toEqual([]);
  });
});
