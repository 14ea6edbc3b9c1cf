import { describe, expect, it } from 'vitest';
import { seriesColor, seriesDash } from '../../../src/charts/palette';

describe('series palette', () => {
  it('gives twelve strategies twelve colours and twelve dash patterns', () => {
    const twelve = Array.from({ length: 12 }, (_, index) => index);
    expect(new Set(twelve.map(seriesColor)).size).toBe(12);
    expect(new Set(twelve.map((index) => seriesDash(index) ?? 'solid')).size).toBe(12);
    // The first is solid, so a single strategy reads as a plain line.
    expect(seriesDash(0)).toBeUndefined();
  });

  it('never repeats a colour with the same dash pattern within 144 series', () => {
    const styles = Array.from(
      { length: 144 },
      (_, index) => `${seriesColor(index)} ${seriesDash(index) ?? ''}`,
    );
    expect(new Set(styles).size).toBe(144);
  });
});
