/**
 * Validation of whole scenario documents: every error DESIGN.md and the schema list is reported with its path,
 * several at once, and an invalid document yields no scenario.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../../src/domain/validate-scenario';
import { formatIssue, validateScenario } from '../../../src/domain/validate-scenario';

type Document = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- edited freely

const DESIGN_EXAMPLE = readFileSync(new URL('../../fixtures/design-example.json', import.meta.url), 'utf8');

/**
 * A fresh copy of the design example: catalog [0] Mistral Small, [1] Mistral 7B, [2] Claude Sonnet, [3] self-hosted
 * Mixtral; one slice "bulk"; strategies [0] single, [1] assign, [2] cascade, [3] router, [4] cheapest, [5] single
 * on Mixtral; one pool.
 */
function createDocument(): Document {
  return JSON.parse(DESIGN_EXAMPLE) as Document;
}

function issuesOf(document: unknown): ValidationIssue[] {
  const result = validateScenario(document);
  if (result.ok) throw new Error('expected the document to be invalid');
  return result.issues;
}

/** The issues of a document after `edit`, as `path: message` lines. */
function linesAfter(edit: (document: Document) => void): string[] {
  const document = createDocument();
  edit(document);
  return issuesOf(document).map(formatIssue);
}

describe('validateScenario accepts', () => {
  it('the design example, filling in defaults', () => {
    const result = validateScenario(createDocument());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Mistral 7B leaves out cacheWritePerMTok, cacheReadPerMTok, contextWindow and outputTokenFactor.
    const mistral7b = result.value.catalog[1];
    expect(mistral7b?.pricing).toMatchObject({ cacheWritePerMTok: null, cacheReadPerMTok: null });
    expect(mistral7b?.contextWindow).toBeNull();
    expect(mistral7b?.outputTokenFactor).toBe(1);
  });

  it('a minimal document, with every documented default', () => {
    const result = validateScenario({ schemaVersion: 1, catalog: [], traffic: [], strategies: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.horizonMonths).toBe(24);
    expect(result.value.options).toEqual({ batch: true, caching: true, peakToAverage: 2 });
    expect(result.value.credits).toEqual([]);
    expect(result.value.finance).toEqual({
      cashOnHand: 0,
      otherMonthlyBurn: 0,
      monthlyRevenue: 0,
      revenueGrowth: 0,
    });
  });

  it('ids such as "__proto__" and "constructor" as ordinary keys', () => {
    const document = createDocument();
    document.traffic[0].id = '__proto__';
    document.strategies = [
      {
        id: 'constructor',
        name: 'Assign',
        kind: 'assign',
        routes: JSON.parse('{"__proto__": "bedrock:mistral-7b"}') as unknown,
      },
    ];
    const result = validateScenario(document);
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.strategies[0]?.kind !== 'assign') return;
    expect(Object.keys(result.value.strategies[0].routes)).toEqual(['__proto__']);
  });
});

describe('validateScenario reports', () => {
  it('anything but an object', () => {
    expect(issuesOf([]).map(formatIssue)).toEqual(['a scenario must be a JSON object']);
    expect(issuesOf(null).map(formatIssue)).toEqual(['a scenario must be a JSON object']);
  });

  it('an unknown schemaVersion', () => {
    expect(linesAfter((d) => (d.schemaVersion = 4))).toEqual([
      'schemaVersion: must be 1, 2 or 3 (this version of the planner reads schemaVersion 1 to 3)',
    ]);
  });

  it('a horizon outside 1..120', () => {
    expect(linesAfter((d) => (d.horizonMonths = 0))).toEqual(['horizonMonths: must be between 1 and 120']);
    expect(linesAfter((d) => (d.horizonMonths = 121))).toEqual(['horizonMonths: must be between 1 and 120']);
    expect(linesAfter((d) => (d.horizonMonths = 12.5))).toEqual(['horizonMonths: must be a whole number']);
  });

  it('unknown model ids in every place a strategy names a model', () => {
    const lines = linesAfter((d) => {
      d.strategies[0].model = 'nope-single';
      d.strategies[1].routes.bulk = 'nope-assign';
      d.strategies[1].fallback = 'nope-fallback';
      d.strategies[2].routes.bulk.steps[1] = 'nope-step';
      d.strategies[3].classifier.model = 'nope-classifier';
      d.strategies[3].routes.bulk = { 'nope-share': 1 };
    });
    expect(lines).toEqual([
      'strategies[0].model: unknown model id "nope-single"',
      'strategies[1].routes.bulk: unknown model id "nope-assign"',
      'strategies[1].fallback: unknown model id "nope-fallback"',
      'strategies[2].routes.bulk.steps[1]: unknown model id "nope-step"',
      'strategies[3].classifier.model: unknown model id "nope-classifier"',
      'strategies[3].routes.bulk.nope-share: unknown model id "nope-share"',
    ]);
  });

  it('routes for slices that do not exist, and slices left without a route or fallback', () => {
    const lines = linesAfter((d) => {
      d.strategies[1].routes = { ghost: 'bedrock:mistral-7b' };
      delete d.strategies[1].fallback;
    });
    expect(lines).toEqual([
      'strategies[1].routes.ghost: no traffic slice has id "ghost"',
      'strategies[1].fallback: is required: slice "bulk" has no route',
    ]);
  });

  it('router shares that do not sum to 1, outside ±1e-6', () => {
    expect(
      linesAfter(
        (d) => (d.strategies[3].routes.bulk = { 'bedrock:mistral-small': 0.7, 'bedrock:claude-sonnet': 0.2 }),
      ),
    ).toEqual(['strategies[3].routes.bulk: shares must sum to 1 (they sum to 0.8999999999999999)']);
    // within the tolerance: accepted
    const within = createDocument();
    within.strategies[3].routes.bulk = { 'bedrock:mistral-small': 0.8000005, 'bedrock:claude-sonnet': 0.2 };
    expect(validateScenario(within).ok).toBe(true);
    // no model at all
    expect(linesAfter((d) => (d.strategies[3].routes.bulk = {}))).toEqual([
      'strategies[3].routes.bulk: must give a share to at least one model',
    ]);
  });

  it('negative prices', () => {
    const lines = linesAfter((d) => {
      d.catalog[0].pricing.inputPerMTok = -1;
      d.catalog[2].pricing.cacheReadPerMTok = -0.3;
      d.catalog[3].pricing.hourlyPerUnit = -4;
    });
    expect(lines).toEqual([
      'catalog[0].pricing.inputPerMTok: must be 0 or more',
      'catalog[2].pricing.cacheReadPerMTok: must be 0 or more',
      'catalog[3].pricing.hourlyPerUnit: must be 0 or more',
    ]);
  });

  it('negative token counts', () => {
    const lines = linesAfter((d) => {
      d.traffic[0].inputTokens = -600;
      d.traffic[0].outputTokens = -1;
      d.strategies[3].classifier.inputTokens = -300;
    });
    expect(lines).toEqual([
      'traffic[0].inputTokens: must be 0 or more',
      'traffic[0].outputTokens: must be 0 or more',
      'strategies[3].classifier.inputTokens: must be 0 or more',
    ]);
  });

  it('rates outside 0..1', () => {
    const lines = linesAfter((d) => {
      d.catalog[0].pricing.batchDiscount = 1.5;
      d.traffic[0].cacheHitRate = 1.01;
      d.traffic[0].batchShare = -0.1;
      d.strategies[2].routes.bulk.escalation = [2];
      d.strategies[3].routes.bulk['bedrock:mistral-small'] = -0.2;
    });
    expect(lines).toEqual([
      'catalog[0].pricing.batchDiscount: must be between 0 and 1',
      'traffic[0].cacheHitRate: must be between 0 and 1',
      'traffic[0].batchShare: must be between 0 and 1',
      'strategies[2].routes.bulk.escalation[0]: must be between 0 and 1',
      'strategies[3].routes.bulk.bedrock:mistral-small: must be between 0 and 1',
    ]);
  });

  it('growth of −1 or less', () => {
    const lines = linesAfter((d) => {
      d.traffic[0].monthlyGrowth = -1;
      d.finance.revenueGrowth = -1.5;
    });
    expect(lines).toEqual([
      'traffic[0].monthlyGrowth: must be greater than −1',
      'finance.revenueGrowth: must be greater than −1',
    ]);
  });

  it('figures past the limits a real plan never reaches, each limit said in the message', () => {
    // quality 1e7 once froze the cost-quality chart; the others are typing slips of the same kind.
    const lines = linesAfter((d) => {
      d.catalog[0].quality = 1e7;
      d.catalog[0].pricing.inputPerMTok = 3e6;
      d.catalog[0].contextWindow = 1e9;
      d.catalog[0].tokenizerFactor = 1000;
      d.catalog[3].pricing.hourlyPerUnit = 2e6;
      d.traffic[0].requestsPerMonth = 1e13;
      d.traffic[0].inputTokens = 2e8;
      d.traffic[0].qualityBar = 101;
      d.traffic[0].monthlyGrowth = 11;
      d.credits[0].amount = 2e12;
      d.credits[0].startMonth = 1201;
      d.finance.cashOnHand = -2e12;
      d.options.peakToAverage = 101;
      d.description = 'x'.repeat(10_001);
      d.traffic[0].name = 'n'.repeat(1001);
    });
    expect(lines).toEqual([
      'description: must be at most 10,000 characters',
      'options.peakToAverage: must be at most 100',
      'catalog[0].pricing.inputPerMTok: must be at most 100,000 USD per million tokens',
      'catalog[0].contextWindow: must be at most 100,000,000 tokens',
      'catalog[0].quality: must be at most 100',
      'catalog[0].tokenizerFactor: must be at most 100',
      'catalog[3].pricing.hourlyPerUnit: must be at most 1,000,000 USD an hour',
      'traffic[0].name: must be at most 1,000 characters',
      'traffic[0].requestsPerMonth: must be at most 1,000,000,000,000 requests a month',
      'traffic[0].inputTokens: must be at most 100,000,000 tokens',
      'traffic[0].qualityBar: must be at most 100',
      'traffic[0].monthlyGrowth: must be at most 10 (1,000 % a month)',
      'credits[0].amount: must be at most 1,000,000,000,000 USD',
      'credits[0].startMonth: must be at most 1,200 months',
      'finance.cashOnHand: must be -1,000,000,000,000 or more',
    ]);
  });

  it('a range whose end is past the field limit', () => {
    const lines = linesAfter((d) => {
      d.traffic[0].qualityBar = { low: 40, likely: 50, high: 1e9 };
    });
    expect(lines).toEqual([expect.stringMatching(/^traffic\[0\]\.qualityBar.*must be at most 100/)]);
  });

  it('duplicate ids in every list, and duplicate platforms in a pool', () => {
    const lines = linesAfter((d) => {
      d.catalog.push({ ...d.catalog[0] });
      d.traffic.push({ ...d.traffic[0] });
      d.strategies.push({ ...d.strategies[0] });
      d.credits.push({ ...d.credits[0] });
      d.credits[0].appliesTo = ['bedrock', 'bedrock'];
    });
    expect(lines).toEqual([
      'catalog[4].id: duplicate model id "bedrock:mistral-small"',
      'traffic[1].id: duplicate slice id "bulk"',
      'strategies[6].id: duplicate strategy id "all-sonnet"',
      'credits[1].id: duplicate pool id "activate"',
      'credits[0].appliesTo[1]: duplicate platform "bedrock"',
    ]);
  });

  it('expiresAfterMonths below 1', () => {
    expect(linesAfter((d) => (d.credits[0].expiresAfterMonths = 0))).toEqual([
      'credits[0].expiresAfterMonths: must be 1 or more',
    ]);
  });

  it('a classifier on a capacity-billed model', () => {
    expect(linesAfter((d) => (d.strategies[3].classifier.model = 'self:mixtral-8x7b'))).toEqual([
      'strategies[3].classifier.model: "self:mixtral-8x7b" is capacity-billed; a classifier needs a per-token model',
    ]);
  });

  it('a cheapest-meeting-bar strategy in a catalog with no per-token model', () => {
    const lines = linesAfter((d) => {
      d.catalog = [d.catalog[3]];
      d.strategies = [d.strategies[4], d.strategies[5]];
    });
    expect(lines).toEqual(['strategies[0]: needs at least one per-token model in the catalog']);
  });

  it('a cascade whose escalation is not one shorter than its steps', () => {
    expect(linesAfter((d) => (d.strategies[2].routes.bulk.escalation = [0.1, 0.2]))).toEqual([
      'strategies[2].routes.bulk.escalation: must have one rate fewer than steps (2 steps, 2 rates)',
    ]);
    expect(linesAfter((d) => (d.strategies[2].routes.bulk.escalation = []))).toEqual([
      'strategies[2].routes.bulk.escalation: must have one rate fewer than steps (2 steps, 0 rates)',
    ]);
    expect(linesAfter((d) => (d.strategies[2].routes.bulk = { steps: [], escalation: [] }))).toEqual([
      'strategies[2].routes.bulk.steps: must name at least one model',
    ]);
  });

  it('unknown fields, at any depth', () => {
    const lines = linesAfter((d) => {
      d.colour = 'blue';
      d.catalog[0].pricing.surcharge = 1;
      d.traffic[0].notes2 = 'x';
      d.credits[0].currency = 'EUR';
    });
    expect(lines).toEqual([
      'catalog[0].pricing.surcharge: unknown field',
      'traffic[0].notes2: unknown field',
      'credits[0].currency: unknown field',
      'colour: unknown field',
    ]);
  });

  it('a missing required list and an unknown strategy kind', () => {
    const lines = linesAfter((d) => {
      delete d.catalog;
      d.strategies[0].kind = 'lottery';
    });
    expect(lines).toContain('catalog: is required');
    expect(lines).toContain(
      'strategies[0].kind: must have kind "single", "assign", "cascade", "router" or "cheapest-meeting-bar"',
    );
  });

  it('several field errors at once, across the document', () => {
    const lines = linesAfter((d) => {
      d.horizonMonths = 500;
      d.catalog[1].pricing.outputPerMTok = -2;
      d.traffic[0].cacheHitRate = 3;
      d.credits[0].expiresAfterMonths = 0;
      d.finance.revenueGrowth = -1;
    });
    expect(lines).toEqual([
      'horizonMonths: must be between 1 and 120',
      'catalog[1].pricing.outputPerMTok: must be 0 or more',
      'traffic[0].cacheHitRate: must be between 0 and 1',
      'credits[0].expiresAfterMonths: must be 1 or more',
      'finance.revenueGrowth: must be greater than −1',
    ]);
  });

  it('several cross-field errors at once', () => {
    const lines = linesAfter((d) => {
      d.catalog.push({ ...d.catalog[1] });
      d.strategies[0].model = 'nope';
      d.strategies[2].routes.bulk.escalation = [];
      d.strategies[3].routes.bulk['bedrock:mistral-small'] = 0.5;
    });
    expect(lines).toEqual([
      'catalog[4].id: duplicate model id "bedrock:mistral-7b"',
      'strategies[0].model: unknown model id "nope"',
      'strategies[2].routes.bulk.escalation: must have one rate fewer than steps (2 steps, 0 rates)',
      'strategies[3].routes.bulk: shares must sum to 1 (they sum to 0.7)',
    ]);
  });

  // DESIGN.md: "every problem is reported with its path". Today the checks that span fields (unknown ids, shares,
  // duplicates, escalation lengths) run only once every field is valid, so a document with a negative price and a
  // misspelt model id reports the price alone; the id is reported after the price is fixed. This test passes
  // while that is so, and fails (prompting to turn it into a plain test) once both are reported together.
  it('field errors and cross-field errors together, in one report', () => {
    const lines = linesAfter((d) => {
      d.traffic[0].inputTokens = -1;
      d.strategies[0].model = 'nope';
    });
    expect(lines).toEqual([
      'traffic[0].inputTokens: must be 0 or more',
      'strategies[0].model: unknown model id "nope"',
    ]);
  });

  it('a fixed cost and an evaluation naming what does not exist, beside a field error, in one report', () => {
    const lines = linesAfter((d) => {
      d.traffic[0].inputTokens = -1;
      (d as unknown as Record<string, unknown>)['fixedCosts'] = [
        { id: 'kb', name: 'KB', platform: 'bedrock', monthlyAmount: 100, strategies: ['no-such-strategy'] },
      ];
      (d as unknown as Record<string, unknown>)['evaluations'] = [
        { model: 'nope', slice: 'bulk', score: 50 },
      ];
    });
    expect(lines).toEqual([
      'traffic[0].inputTokens: must be 0 or more',
      'fixedCosts[0].strategies[0]: no strategy has id "no-such-strategy"',
      'evaluations[0].model: unknown model id "nope"',
    ]);
  });
});
