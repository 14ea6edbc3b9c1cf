import { describe, expect, it } from 'vitest';
import { thinDominated } from '../../../src/charts/cost-quality-chart';

const point = (cost: number, quality: number) => ({ cost, quality });

describe('thinDominated', () => {
  it('draws every dominated model up to 800', () => {
    const points = Array.from({ length: 800 }, (_, i) => point(i, i % 100));
    const thinned = thinDominated(
      points,
      (p) => p.cost,
      (p) => p.quality,
    );
    expect(thinned.points).toEqual(points);
    expect(thinned).toMatchObject({ drawn: 800, total: 800 });
  });

  it('keeps the first model of each spot of an 80 × 40 grid above that', () => {
    // 2,000 models on 4 spots only: costs 0 or 100, qualities 0 or 100 (each corner of the grid), in that order.
    const corners = [point(0, 0), point(100, 0), point(0, 100), point(100, 100)];
    const points = Array.from({ length: 2000 }, (_, i) => ({ ...corners[i % 4]!, id: i }));
    const thinned = thinDominated(
      points,
      (p) => p.cost,
      (p) => p.quality,
    );
    expect(thinned.points.map((p) => p.id)).toEqual([0, 1, 2, 3]);
    expect(thinned).toMatchObject({ drawn: 4, total: 2000 });
  });

  it('never draws more than one model per spot, whatever the spread', () => {
    // 10,000 models spread evenly: at most 80 × 40 = 3,200 spots.
    const points = Array.from({ length: 10_000 }, (_, i) => point(i, (i * 7919) % 101));
    const thinned = thinDominated(
      points,
      (p) => p.cost,
      (p) => p.quality,
    );
    expect(thinned.drawn).toBeLessThanOrEqual(3200);
    expect(thinned.drawn).toBeGreaterThan(800);
    expect(thinned.total).toBe(10_000);
  });
});
