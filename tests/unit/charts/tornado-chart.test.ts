import { describe, expect, it } from 'vitest';
import { buildRangeTicks } from '../../../src/charts/chart-series';
import { fitLabel } from '../../../src/charts/tornado-chart';

describe('fitLabel', () => {
  it('keeps a short label on one line', () => {
    expect(fitLabel('Bulk · batch share', 30)).toEqual(['Bulk · batch share']);
  });

  it('breaks a long label at the last " · " and cuts each line with "…"', () => {
    expect(fitLabel('Long agentic chains / high-stakes tools · requests per month', 24)).toEqual([
      'Long agentic chains / h…',
      'requests per month',
    ]);
  });

  it('on one line, cuts the slice name and keeps the field', () => {
    // 30 characters: "input tokens" (12) and " · " (3) leave 15 for the slice name, "…" included.
    expect(fitLabel('Long agentic chains / high-stakes tools · input tokens', 30, 1)).toEqual([
      'Long agentic c… · input tokens',
    ]);
  });

  it('cuts a label without " · " to the width', () => {
    expect(fitLabel('abcdefghij', 5)).toEqual(['abcd…']);
  });
});

describe('buildRangeTicks', () => {
  it('gives round ticks around the values without forcing zero', () => {
    // 469,784 … 541,635: a span of ~72K over 4 steps → 20K steps from 460K to 560K.
    expect(buildRangeTicks(469_784, 541_635)).toEqual({
      domain: [460_000, 560_000],
      ticks: [460_000, 480_000, 500_000, 520_000, 540_000, 560_000],
    });
  });

  it('widens a single value into a range', () => {
    const { domain } = buildRangeTicks(24, 24);
    expect(domain[0]).toBeLessThan(24);
    expect(domain[1]).toBeGreaterThan(24);
  });
});
