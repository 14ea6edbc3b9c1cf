import { describe, expect, it } from 'vitest';
import { buildLogTicks, buildQualityDomain, formatCostTick } from '../../../src/charts/cost-quality-chart';

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

  it('writes tiny costs as powers of ten', () => {
    expect(formatCostTick(0.0002, 'USD')).toBe('$0.0002');
    expect(formatCostTick(1e-7, 'USD')).toBe('$1e-7');
    expect(formatCostTick(1e-7, 'EUR')).toBe('€1e-7');
  });
});
