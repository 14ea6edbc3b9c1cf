/**
 * planScenario: validate, simulate, and refuse any result beyond $1e15 (infinity included), naming the field to
 * change and the month.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planScenario } from '../../../src/domain/plan-scenario';
import { formatIssue } from '../../../src/domain/validate-scenario';

type Document = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- edited freely

const DESIGN_EXAMPLE = readFileSync(new URL('../../fixtures/design-example.json', import.meta.url), 'utf8');

function createDocument(edit: (document: Document) => void = () => {}): Document {
  const document = JSON.parse(DESIGN_EXAMPLE) as Document;
  edit(document);
  return document;
}

/** Every number anywhere in a value. */
function collectNumbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectNumbers(item, out);
  else if (typeof value === 'object' && value !== null)
    for (const key of Object.keys(value)) collectNumbers((value as Record<string, unknown>)[key], out);
  return out;
}

describe('planScenario', () => {
  it('returns the validated scenario and a result whose every figure is finite', () => {
    const plan = planScenario(createDocument());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.result.strategies.map((strategy) => strategy.id)).toEqual([
      'all-sonnet',
      'by-slice',
      'cascade',
      'router',
      'auto',
      'self',
    ]);
    expect(collectNumbers(plan.value.result).every(Number.isFinite)).toBe(true);
  });

  it('passes validation issues through without simulating', () => {
    const plan = planScenario(createDocument((d) => (d.traffic[0].cacheHitRate = 2)));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issues.map(formatIssue)).toEqual(['traffic[0].cacheHitRate: must be between 0 and 1']);
  });

  it('rejects traffic whose growth overflows, naming the slice and the fields to change', () => {
    // A trillion requests growing 1,000 %/month: ×11 a month passes $1e15 within a few months of the 120
    const plan = planScenario(
      createDocument((d) => {
        d.horizonMonths = 120;
        d.traffic[0].requestsPerMonth = 1e12;
        d.traffic[0].monthlyGrowth = 10;
      }),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]?.path).toBe('traffic[0]');
    expect(plan.issues[0]?.message).toMatch(/overflows by month \d+ under "All on Sonnet"/);
    expect(plan.issues[0]?.message).toContain('requestsPerMonth');
    expect(plan.issues[0]?.message).not.toMatch(/NaN|Infinity/);
  });

  it('names each overflowing slice once', () => {
    const plan = planScenario(
      createDocument((d) => {
        d.traffic.push({ ...d.traffic[0], id: 'second' });
        // 1e12 requests × 1e8 input tokens at $3 or more per million: at least $3e14 in month 1, ×11 a month
        for (const slice of d.traffic) {
          slice.requestsPerMonth = 1e12;
          slice.monthlyGrowth = 10;
        }
        d.traffic[0].inputTokens = 1e8;
        d.traffic[1].inputTokens = 1e8;
      }),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issues.map((issue) => issue.path)).toEqual(['traffic[0]', 'traffic[1]']);
  });

  it('rejects finance figures that overflow, naming finance', () => {
    const plan = planScenario(
      createDocument((d) => {
        // Revenue of $1e12 growing ×11 a month: 1e12, 1.1e13, 1.21e14, 1.331e15. Cash at the end of month 4
        // is at least 1e12 + 1.1e13 + 1.21e14 + 1.331e15 − spend ≈ 1.46e15 − (spend of a few $100k) > 1e15.
        d.finance.cashOnHand = 0;
        d.finance.monthlyRevenue = 1e12;
        d.finance.revenueGrowth = 10;
      }),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issues.map(formatIssue)).toEqual([
      'finance: cash overflows by month 4 (over $1,000,000,000,000,000, the most a plan may reach): the figures are too large to compute',
    ]);
  });

  it('accepts very large figures within the limit', () => {
    // 1e9 requests a month with no growth: large, and far below $1e15 a month
    const plan = planScenario(createDocument((d) => (d.traffic[0].requestsPerMonth = 1e9)));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(collectNumbers(plan.value.result).every(Number.isFinite)).toBe(true);
  });
});
