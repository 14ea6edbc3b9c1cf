/**
 * Named regression tests: each pins a bug once found, or a counterexample the property tests turned up.
 */
import { describe, expect, it } from 'vitest';
import { planScenario } from '../../../src/domain/plan-scenario';
import { formatIssue, validateScenario } from '../../../src/domain/validate-scenario';

function linesOf(document: unknown): string[] {
  const result = validateScenario(document);
  return result.ok ? [] : result.issues.map(formatIssue);
}

const MINIMAL = { schemaVersion: 1, catalog: [], traffic: [], strategies: [] };

describe('regression: a value of the wrong type was reported as "is required"', () => {
  it('says what type a field needs when the value has another type', () => {
    expect(
      linesOf({
        ...MINIMAL,
        traffic: [{ id: 's', name: 'S', requestsPerMonth: '2000000', inputTokens: 600, outputTokens: true }],
      }),
    ).toEqual(['traffic[0].requestsPerMonth: must be a number', 'traffic[0].outputTokens: must be a number']);
    expect(linesOf({ ...MINIMAL, name: 42 })).toEqual(['name: must be text']);
  });

  it('says a whole number is needed for a fractional count', () => {
    expect(linesOf({ ...MINIMAL, horizonMonths: 12.5 })).toEqual(['horizonMonths: must be a whole number']);
    expect(
      linesOf({
        ...MINIMAL,
        credits: [{ id: 'p', name: 'P', amount: 1, startMonth: 1.5, expiresAfterMonths: 2.5 }],
      }),
    ).toEqual([
      'credits[0].startMonth: must be a whole number',
      'credits[0].expiresAfterMonths: must be a whole number',
    ]);
  });

  it('still says "is required" when the field is missing', () => {
    expect(linesOf({ schemaVersion: 1, traffic: [], strategies: [] })).toEqual(['catalog: is required']);
  });
});

describe('regression: planScenario passed an infinite creditsExpired', () => {
  it('rejects credit pools whose expiring balances overflow, naming the credits', () => {
    // Two pools of $1.7e308 both expire at the end of month 0: 3.4e308 is beyond a double.
    const pool = { name: 'Huge', amount: 1.7e308, expiresAfterMonths: 1 };
    const result = planScenario({
      ...MINIMAL,
      horizonMonths: 2,
      catalog: [
        {
          id: 'm',
          name: 'M',
          provider: 'P',
          platform: 'bedrock',
          pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 1 },
        },
      ],
      strategies: [{ id: 's', name: 'Single', kind: 'single', model: 'm' }],
      credits: [
        { id: 'a', ...pool },
        { id: 'b', ...pool },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      'credits: the credit pools overflow under "Single": their amounts are too large to compute',
    ]);
  });
});
