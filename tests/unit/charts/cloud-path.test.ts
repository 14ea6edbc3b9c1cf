import { describe, expect, it } from 'vitest';
import { buildCloudPath } from '../../../src/charts/cost-quality-chart';

describe('buildCloudPath', () => {
  it('puts one dot per point in units of 0–1,000 across each domain, quality upwards', () => {
    // Linear cost over [0, 10] and quality over [0, 100]: cost 5 → 500, quality 25 → 250; cost 10 → 1,000.
    const path = buildCloudPath(
      [
        { cost: 5, quality: 25 },
        { cost: 10, quality: 100 },
      ],
      (cost) => cost,
      [0, 10],
      [0, 100],
    );
    expect(path).toBe('M500.0,250.0h0M1000.0,1000.0h0');
  });

  it('places costs by their logarithm on a log axis, and leaves out points outside the domains', () => {
    // log10 over [0.001, 1]: 0.01 is a third of the way (−2 between −3 and 0) → 333.3; quality 150 is out.
    const path = buildCloudPath(
      [
        { cost: 0.01, quality: 50 },
        { cost: 0.1, quality: 150 },
        { cost: 10, quality: 50 },
      ],
      Math.log10,
      [0.001, 1],
      [0, 100],
    );
    expect(path).toBe('M333.3,500.0h0');
  });

  it('draws nothing when a domain has no width', () => {
    expect(buildCloudPath([{ cost: 1, quality: 1 }], (cost) => cost, [1, 1], [0, 100])).toBe('');
  });
});
