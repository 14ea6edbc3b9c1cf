import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveUsagePlan, fitMonthlyGrowth, sliceFigures } from '../../src/domain/usage-plan';
import { reconcileUsage } from '../../src/domain/usage-reconcile';
import { TOKEN_CLASSES } from '../../src/domain/usage-records';
import type { UsageRow } from '../../src/domain/usage-records';
import { createUsageReader, detectUsageFormat, readUsageText } from '../../src/io/usage-import';
import { makeUsageBaseScenario, makeUsageRow, sumUsageRows } from '../factories/usage-builders';

const SEED = 1313;
const runs = { seed: SEED, numRuns: 150 };

const tokenCount = fc.integer({ min: 0, max: 5_000_000 });
const tokens = fc.record({
  input: tokenCount,
  cacheRead: tokenCount,
  cacheWrite5m: tokenCount,
  cacheWrite1h: tokenCount,
  output: tokenCount,
});

/** A usage row on one of the base scenario's rows or an unknown model, in one of three months, maybe billed. */
const usageRow: fc.Arbitrary<UsageRow> = fc
  .record({
    month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
    model: fc.constantFrom('acme-sonnet-1', 'acme-mini', 'unknown-model', null),
    tokens,
    requests: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
    batch: fc.boolean(),
    cost: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: null }),
    costClass: fc.constantFrom('input', 'output', 'cacheRead', 'tokens', 'other' as const),
    tag: fc.constantFrom('a', 'b', null),
  })
  .map(({ month, model, tokens: counts, requests, batch, cost, costClass, tag }) =>
    makeUsageRow(month, model, counts, {
      requests,
      batch,
      cost,
      costClass,
      groups: { tag, project: null, apiKey: null },
    }),
  );

describe('usage plan invariants', () => {
  it('the gap lines of every row and every month sum to billed − plan', () => {
    const base = makeUsageBaseScenario();
    fc.assert(
      fc.property(
        fc.array(usageRow, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('model', 'tag' as const),
        fc.boolean(),
        (rows, groupBy, caching) => {
          const scenario = { ...base, options: { ...base.options, caching } };
          const plan = deriveUsagePlan(sumUsageRows(rows), scenario, scenario.catalog, {
            groupBy,
            inputTokensPerRequest: 3000,
            mapping: new Map(),
          });
          for (const month of reconcileUsage(plan)) {
            const targets = [month, ...month.rows];
            for (const target of targets) {
              if (target.gap === null) continue;
              const sum = target.lines.reduce((total, line) => total + line.amount, 0);
              // Lines under a millionth of a dollar are left out.
              expect(sum).toBeCloseTo(target.gap, 4);
            }
          }
        },
      ),
      runs,
    );
  });

  it('a month billed at the catalog’s prices, one cache TTL, prefixes above the minimum, reconciles exactly', () => {
    const base = makeUsageBaseScenario();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2000, max: 20_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2000 }),
        (requests, prefix, hit, uncachedAndOutput) => {
          // Per request: `prefix` cached tokens (≥ the 1,024 minimum), of which a share `hit` read; Sonnet's prices.
          const read = requests * prefix * hit;
          const write = requests * prefix * (1 - hit);
          const other = requests * uncachedAndOutput;
          const cost = (other * 3 + read * 0.3 + write * 3.75 + other * 15) / 1e6;
          const rows = [
            makeUsageRow(
              '2026-01',
              'acme-sonnet-1',
              { input: other, cacheRead: read, cacheWrite5m: write, output: other },
              { requests, cost },
            ),
          ];
          const plan = deriveUsagePlan(sumUsageRows(rows), base, base.catalog, {
            groupBy: 'model',
            inputTokensPerRequest: 4000,
            mapping: new Map(),
          });
          const [month] = reconcileUsage(plan);
          expect(month!.plan).toBeCloseTo(cost, 9);
          expect(month!.gap).toBeCloseTo(0, 9);
        },
      ),
      runs,
    );
  });

  it('slice figures times requests give back every token class', () => {
    fc.assert(
      fc.property(tokens, fc.integer({ min: 1, max: 100_000 }), (counts, requests) => {
        const figures = sliceFigures(counts, requests);
        const writes = counts.cacheWrite5m + counts.cacheWrite1h;
        expect(figures.inputTokens * requests).toBeCloseTo(counts.input + counts.cacheRead + writes, 4);
        expect(figures.outputTokens * requests).toBeCloseTo(counts.output, 4);
        expect(figures.cachedPrefixTokens * requests).toBeCloseTo(counts.cacheRead + writes, 4);
        expect(figures.cachedPrefixTokens * figures.cacheHitRate * requests).toBeCloseTo(counts.cacheRead, 4);
        expect(figures.cachedPrefixTokens).toBeLessThanOrEqual(figures.inputTokens + 1e-9);
      }),
      runs,
    );
  });

  it('fitting growth to an exact geometric series recovers it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 24 }),
        (first, growth, months) => {
          const volumes = Array.from({ length: months }, (_, t) => first * (1 + growth) ** t);
          const fit = fitMonthlyGrowth(volumes, months);
          expect(fit.growth).toBeCloseTo(growth, 9);
          expect(fit.volume / (first * (1 + growth) ** months)).toBeCloseTo(1, 9);
        },
      ),
      runs,
    );
  });

  it('a reader given the file cut anywhere reads what it reads whole', () => {
    const names = [
      'aws-cur-bedrock.csv',
      'bedrock-invocations.jsonl',
      'openai-costs.csv',
      'anthropic-cost.json',
    ];
    const texts = names.map((name) => readFileSync(`tests/fixtures/usage/${name}`, 'utf8'));
    const whole = texts.map((text) => readUsageText(text));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        (index, cutFractions) => {
          const text = texts[index]!;
          const cuts = [...new Set(cutFractions.map((f) => Math.floor(f * text.length)))].sort(
            (a, b) => a - b,
          );
          const reader = createUsageReader(detectUsageFormat(text)!);
          let from = 0;
          for (const cut of [...cuts, text.length]) {
            reader.push(text.slice(from, cut));
            from = cut;
          }
          const expected = whole[index]!;
          expect(expected.ok && reader.finish()).toEqual(expected.ok && expected.value);
        },
      ),
      runs,
    );
  });

  it('summing rows into records keeps every token', () => {
    fc.assert(
      fc.property(fc.array(usageRow, { maxLength: 30 }), (rows) => {
        const records = sumUsageRows(rows);
        for (const cls of TOKEN_CLASSES) {
          const before = rows.reduce((sum, row) => sum + row.tokens[cls], 0);
          const after = records.reduce((sum, record) => sum + record.tokens[cls], 0);
          expect(after).toBe(before);
        }
      }),
      runs,
    );
  });
});
