import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { planScenario } from '../../../src/domain/plan-scenario';
import type { Plan } from '../../../src/domain/plan-scenario';
import { formatMonthlyCsv } from '../../../src/io/results-csv';

const design = JSON.parse(
  readFileSync(new URL('../../fixtures/design-example.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function plan(document: unknown): Plan {
  const result = planScenario(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function readCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.trimEnd(), { header: false }).data;
}

describe('formatMonthlyCsv', () => {
  it('writes one row per strategy per month with the documented columns', () => {
    const { scenario, result } = plan(design);
    const rows = readCsv(formatMonthlyCsv(result, scenario));
    expect(rows[0]).toEqual([
      'strategyId',
      'strategyName',
      'month',
      'monthLabel',
      'spend',
      'listSpend',
      'cachingSavings',
      'batchSavings',
      'creditsUsed',
      'cashSpentOnAI',
      'cashEnd',
      'fixedCosts',
      'creditsDrawn.activate',
      'offRegion',
    ]);
    expect(rows).toHaveLength(1 + scenario.strategies.length * scenario.horizonMonths);
    // All on Sonnet, month 0, 2M requests of 600 in / 40 out:
    //   list   = 600·$3/M + 40·$15/M = $0.0024 → $4,800
    //   cached = 200·$3/M + 400·(0.9·$0.30/M + 0.1·$3.75/M) + $0.0006 = $0.001458 → caching saves $1,884
    //   final  = 0.001458·(1 − 0.7·0.5) = $0.0009477 → $1,895.40, batch saves $1,020.60
    // all paid by the Activate pool; cash 1,500,000 − 120,000 burn = 1,380,000.
    expect(rows[1]).toEqual([
      'all-sonnet',
      'All on Sonnet',
      '0',
      'Jan 2027',
      '1895.40',
      '4800.00',
      '1884.00',
      '1020.60',
      '1895.40',
      '0.00',
      '1380000.00',
      '0.00',
      '1895.40',
      '[]',
    ]);
    const lastSonnet = rows[scenario.horizonMonths]!;
    expect(lastSonnet.slice(0, 4)).toEqual(['all-sonnet', 'All on Sonnet', '23', 'Dec 2028']);
  });

  it('rounds to cents and sums the pools drawn into creditsUsed', () => {
    const document = structuredClone(design);
    document.credits = [
      { id: 'a', name: 'A', amount: 1000.004, appliesTo: ['bedrock'] },
      { id: 'b', name: 'B', amount: 500, appliesTo: ['*'] },
    ];
    const { scenario, result } = plan(document);
    const rows = readCsv(formatMonthlyCsv(result, scenario));
    const header = rows[0]!;
    const first = rows[1]!;
    const column = (name: string) => first[header.indexOf(name)]!;
    expect(header.slice(-3)).toEqual(['creditsDrawn.a', 'creditsDrawn.b', 'offRegion']);
    expect(column('creditsDrawn.a')).toBe('1000.00');
    expect(column('creditsDrawn.b')).toBe('500.00');
    expect(column('creditsUsed')).toBe('1500.00');
    for (const row of rows.slice(1)) {
      for (const cell of row.slice(4, -1)) expect(cell).toMatch(/^-?\d+\.\d\d$/);
    }
  });

  it('quotes awkward names and defuses spreadsheet formulas, but not negative money', () => {
    const document = structuredClone(design) as Record<string, unknown> & {
      strategies: Record<string, unknown>[];
    };
    document.strategies = [
      {
        id: '=cmd|calc',
        name: 'Cheap, "fast"\nand <script>x</script>',
        kind: 'single',
        model: 'bedrock:mistral-7b',
      },
      { id: '@sum', name: '-2+3', kind: 'single', model: 'bedrock:mistral-7b' },
    ];
    document.finance = { cashOnHand: -10 };
    const { scenario, result } = plan(document);
    const text = formatMonthlyCsv(result, scenario);
    const rows = readCsv(text);
    expect(rows[1]!.slice(0, 2)).toEqual(["'=cmd|calc", 'Cheap, "fast"\nand <script>x</script>']);
    expect(rows[1]![10]).toMatch(/^-\d+\.\d\d$/);
    expect(rows[25]!.slice(0, 2)).toEqual(["'@sum", "'-2+3"]);
    expect(text).toContain('"Cheap, ""fast""\nand <script>x</script>"');
  });

  it('writes the fixed costs each strategy pays, month by month, and its off-region slices', () => {
    const document = JSON.parse(
      readFileSync(new URL('../../fixtures/fixed-costs-scenario.json', import.meta.url), 'utf8'),
    ) as unknown;
    const { scenario, result } = plan(document);
    const rows = readCsv(formatMonthlyCsv(result, scenario));
    const header = rows[0]!;
    expect(header.slice(10)).toEqual([
      'cashEnd',
      'fixedCosts',
      'fixedCost.kb',
      'fixedCost.logs',
      'offRegion',
    ]);
    const columns = (row: string[]) =>
      ['strategyId', 'month', 'spend', 'fixedCosts', 'fixedCost.kb', 'fixedCost.logs', 'offRegion'].map(
        (name) => row[header.indexOf(name)],
      );
    // Tokens: 1,000 requests × (1,000 in × $1/M + 500 out × $2/M) = 1,000 × $0.002 = $2 a month.
    // Knowledge Bases (every strategy): $100 from month 1, growing 10 %: 0, 100, 110.
    // Logging (on-us only): $10 every month. So on-eu pays 0, 100, 110; on-us 10, 110, 120.
    // on-us routes the EU-only slice to the US model: offRegion ["eu-data"].
    expect(rows.slice(1).map(columns)).toEqual([
      ['on-eu', '0', '2.00', '0.00', '0.00', '0.00', '[]'],
      ['on-eu', '1', '102.00', '100.00', '100.00', '0.00', '[]'],
      ['on-eu', '2', '112.00', '110.00', '110.00', '0.00', '[]'],
      ['on-us', '0', '12.00', '10.00', '0.00', '10.00', '["eu-data"]'],
      ['on-us', '1', '112.00', '110.00', '100.00', '10.00', '["eu-data"]'],
      ['on-us', '2', '122.00', '120.00', '110.00', '10.00', '["eu-data"]'],
    ]);
  });

  it('labels months by index when the scenario has no start month', () => {
    const document = structuredClone(design);
    delete document.startMonth;
    const { scenario, result } = plan(document);
    expect(readCsv(formatMonthlyCsv(result, scenario))[1]![3]).toBe('Month 1');
  });
});
