import { describe, expect, it } from 'vitest';
import { buildCloudPath, placeCloudDots } from '../../../src/charts/cost-quality-chart';

/** A plot box of 0–1,000 px each way with quality upwards: a fraction f lands at 1,000 f px across, 1,000 (1 − f) down. */
const BOX = { left: 0, right: 1000, top: 0, bottom: 1000 };

describe('placeCloudDots and buildCloudPath', () => {
  it('puts one dot per point at its fraction of each domain, quality upwards', () => {
    // Linear cost over [0, 10] and quality over [0, 100]: cost 5 → 0.5, quality 25 → 0.25 → (500, 750) px;
    // cost 10, quality 100 → (1, 1) → (1,000, 0) px.
    const dots = placeCloudDots(
      [
        { cost: 5, quality: 25 },
        { cost: 10, quality: 100 },
      ],
      (cost: number) => cost,
      [0, 10],
      [0, 100],
    );
    expect([...dots]).toEqual([0.5, 0.25, 1, 1]);
    expect(buildCloudPath(dots, BOX)).toBe('M500.0,750.0h0M1000.0,0.0h0');
  });

  it('places costs by their logarithm on a log axis, and leaves out points outside the domains', () => {
    // log10 over [0.001, 1]: 0.01 is a third of the way (−2 between −3 and 0); quality 150 and cost 10 are out.
    const dots = placeCloudDots(
      [
        { cost: 0.01, quality: 50 },
        { cost: 0.1, quality: 150 },
        { cost: 10, quality: 50 },
      ],
      Math.log10,
      [0.001, 1],
      [0, 100],
    );
    // On a plot from x = 58 to 758 and y = 310 (bottom) to 10 (top): 58 + 700/3 = 291.3, 310 − 150 = 160.
    expect(buildCloudPath(dots, { left: 58, right: 758, top: 10, bottom: 310 })).toBe('M291.3,160.0h0');
  });

  it('draws nothing when a domain has no width', () => {
    expect(placeCloudDots([{ cost: 1, quality: 1 }], (cost: number) => cost, [1, 1], [0, 100])).toHaveLength(
      0,
    );
    expect(buildCloudPath(new Float64Array(0), BOX)).toBe('');
  });
});
