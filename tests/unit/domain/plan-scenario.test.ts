/**
 * planScenario: validate, simulate, and refuse any result that is not finite, naming the field to change.
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
    // 1e300 requests growing 50 %/month pass 1.8e308 dollars well before month 120
    const plan = planScenario(
      createDocument((d) => {
        d.horizonMonths = 120;
        d.traffic[0].requestsPerMonth = 1e300;
        d.traffic[0].monthlyGrowth = 0.5;
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
        for (const slice of d.traffic) slice.requestsPerMonth = 1e308;
        d.traffic[0].inputTokens = 1e6;
        d.traffic[1].inputTokens = 1e6;
      }),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issues.map((issue) => issue.path)).toEqual(['traffic[0]', 'traffic[1]']);
  });

  it('rejects finance figures that overflow, naming finance', () => {
    const plan = planScenario(
      createDocument((d) => {
        d.finance.cashOnHand = 1.7e308;
        d.finance.monthlyRevenue = 1.7e308;
      }),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issues.map(formatIssue)).toEqual([
      'finance: cash overflows by month 1: the figures are too large to compute',
    ]);
  });

  it('accepts very large figures that stay finite', () => {
    // 1e200 requests with no growth: enormous but representable
    const plan = planScenario(createDocument((d) => (d.traffic[0].requestsPerMonth = 1e200)));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(collectNumbers(plan.value.result).every(Number.isFinite)).toBe(true);
  });
});
