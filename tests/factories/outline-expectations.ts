import { expect } from 'vitest';
import type { StrategyOutline, StrategyResult } from '../../src/domain/simulate';

/**
 * Expects a run without detail (`simulateStrategyOutline` or a Monte Carlo run) to give exactly the figures of
 * the full run: its id, totals, the month credits run out, the runway and every month's spend. Exact equality
 * (toEqual tells 0 from −0), not within a tolerance.
 */
export function expectOutlineOf(full: StrategyResult, outline: StrategyOutline): void {
  expect(outline.id).toBe(full.id);
  expect(outline.totals).toEqual(full.totals);
  expect(outline.creditsExhaustedMonth).toBe(full.creditsExhaustedMonth);
  expect(outline.runwayMonths).toBe(full.runwayMonths);
  expect([...outline.monthlySpend]).toEqual(full.months.map((month) => month.spend));
}
