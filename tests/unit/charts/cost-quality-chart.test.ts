import { describe, expect, it } from 'vitest';
import { findExtent } from '../../../src/charts/chart-series';
import {
  buildLogTicks,
  buildQualityDomain,
  buildQualityTicks,
  formatCostTick,
} from '../../../src/charts/cost-quality-chart';

describe('cost-quality chart helpers', () => {
  it('puts log ticks at 1, 2 and 5 times powers of ten over a narrow range, powers only over a wide one', () => {
    expect(buildLogTicks(0.00012, 0.0045)).toEqual([0.0002, 0.0005, 0.001, 0.002]);
    expect(buildLogTicks(0.0000128, 0.085)).toEqual([0.0001, 0.001, 0.01]);
    expect(buildLogTicks(0, 1)).toEqual([]);
  });

  it('keeps the quality bar off the edges, on multiples of ten, never below zero', () => {
    // Points 62–91 and a bar at 60: 55 → 50, 96 → 100.
    expect(buildQualityDomain([62, 91], 60)).toEqual([50, 100]);
    expect(buildQualityDomain([2], null)).toEqual([0, 10]);
    expect(buildQualityDomain([], null)).toEqual([0, 100]);
  });

  it('ticks every 10, every 20 past a span of 60, and at most 11 ticks however wide the span', () => {
    expect(buildQualityTicks([50, 100])).toEqual([50, 60, 70, 80, 90, 100]);
    expect(buildQualityTicks([0, 100])).toEqual([0, 20, 40, 60, 80, 100]);
    // Quality 1e17 once made `tick += 20` stand still (1e17 + 20 === 1e17) and froze the tab.
    const wide = buildQualityTicks(buildQualityDomain([1e17], 0));
    expect(wide).toHaveLength(11);
    expect(wide[0]).toBe(0);
    expect(buildQualityTicks(buildQualityDomain([1e308], null)).length).toBeLessThanOrEqual(11);
  });

  it('finds the bounds of 200,000 qualities, where Math.min(...values) overflows the stack', () => {
    const qualities = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 100);
    expect(buildQualityDomain(qualities, 40)).toEqual([0, 110]);
    expect(findExtent(qualities)).toEqual({ min: 0, max: 99 });
    expect(findExtent([])).toBeNull();
  });

  it('writes tiny costs as powers of ten', () => {
    expect(formatCostTick(0.0002, 'USD')).toBe('$0.0002');
    expect(formatCostTick(1e-7, 'USD')).toBe('$1e-7');
    expect(formatCostTick(1e-7, 'EUR')).toBe('€1e-7');
  });
});
