import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BurnDownChart, placeMarkerLabels } from '../../src/charts/burn-down-chart';
import { seriesColor } from '../../src/charts/palette';
import { USD_DISPLAY } from '../../src/format/format';
import { reportElementSize } from './reported-size';

reportElementSize(676, 350);

/** Pixels: positions are sums and products of round figures, off only by float noise. */
const PX_DIGITS = 6;

const LABELS = ['Jan', 'Feb', 'Mar'];
const POOLS = [
  { name: 'Activate', values: [100, 50, 0] },
  { name: 'POC', values: [null, 50, 25] },
];

function renderChart(cash: number[] = [300, 250, 200]) {
  return render(
    <BurnDownChart
      labels={LABELS}
      pools={POOLS}
      cash={cash}
      display={USD_DISPLAY}
      markers={[{ index: 2, label: 'Credits run out' }]}
    />,
  );
}

/** Twelve months of one $100 pool and $100 of cash (bands of 50 px from x = 64), with these markers. */
function renderTwelveMonths(markers: { index: number; label: string }[]) {
  const months = Array.from({ length: 12 }, (_, i) => `M${i + 1}`);
  return render(
    <BurnDownChart
      labels={months}
      pools={[{ name: 'Activate', values: months.map(() => 100) }]}
      cash={months.map(() => 100)}
      display={USD_DISPLAY}
      markers={markers}
    />,
  );
}

/** The `d` of every path in the plot, in drawing order. */
function paths(container: HTMLElement): (string | null)[] {
  return [...container.querySelectorAll('svg[data-chart-surface] path')].map((path) =>
    path.getAttribute('d'),
  );
}

describe('BurnDownChart', () => {
  it('stacks each pool’s balance across its months on the pools before it, and draws cash as a line', () => {
    const { container } = renderChart();
    // Credits at most 100 and cash 300 are of a size (3×, under 5×): one axis, ticks $0…$300 in steps of 100.
    // A 676 × 350 plot runs from x = 64 (the axis) to 676 − 12 = 664, y = 24 to 350 − 26 = 324: 300 px for
    // $300, so y($v) = 324 − v; three months in bands 200 px wide from x = 64, 264, 464, their middles at 164,
    // 364, 564.
    // Activate holds $100 in Jan (y 224) and $50 in Feb (y 274), nothing in Mar: one run over Jan–Feb, back
    // along its base ($0, y 324). POC from Feb on Activate's balances: tops y(50 + 50) = 224 and y(0 + 25) =
    // 299, bases y(50) = 274 and y(0) = 324. Cash through the bands' middles, y(300) = 24, y(250) = 74,
    // y(200) = 124, held flat over the first and last half-bands.
    expect(paths(container)).toEqual([
      'M64,224H264V274H464V324H264V324H64Z',
      'M64,224H264V274H464',
      'M264,224H464V299H664V324H464V274H264Z',
      'M264,224H464V299H664',
      'M64,24L164,24L364,74L564,124L664,124',
    ]);
    const fills = [...container.querySelectorAll('svg[data-chart-surface] path')].map((path) =>
      path.getAttribute('fill'),
    );
    expect(fills).toEqual([seriesColor(0), 'none', seriesColor(1), 'none', 'none']);
    for (const text of ['$0', '$100', '$200', '$300', 'Jan', 'Feb', 'Mar', 'Credits run out']) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
    // The marker's month is in the right half: its label reads leftwards from the line.
    expect(screen.getByText('Credits run out')).toHaveAttribute('text-anchor', 'end');
    expect(screen.queryByText(/right axis/)).not.toBeInTheDocument();
  });

  it('steps through the months with the arrow keys and says each one’s balances and cash', async () => {
    const user = userEvent.setup();
    renderChart();
    screen
      .getByRole('application', { name: /over 3 months: the arrow keys step through the months/ })
      .focus();
    await user.keyboard('{ArrowRight}');
    // POC has not started in Jan: it is not listed.
    expect(screen.getByRole('status')).toHaveTextContent(/^JanActivate\$100Cash\$300$/);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent(/^FebActivate\$50\.00POC\$50\.00Cash\$250$/);
    await user.keyboard('{End}');
    expect(screen.getByRole('status')).toHaveTextContent(/^Mar/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says each month’s money in full, however large, so a month-to-month change of $40K shows', async () => {
    const user = userEvent.setup();
    renderChart([1_452_318.4, 1_412_006.9, 1_371_500]);
    screen.getByRole('application', { name: /over 3 months/ }).focus();
    await user.keyboard('{ArrowRight}');
    // Cash above $1M, its own axis (short ticks there); the tooltip's figure is whole dollars, not "$1.45M".
    expect(screen.getByRole('status')).toHaveTextContent(/^JanActivate\$100Cash \(right axis\)\$1,452,318$/);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent(/Cash \(right axis\)\$1,412,007$/);
  });

  it('signs negative money with the same minus sign on the axis and in the tooltip', async () => {
    const user = userEvent.setup();
    renderChart([1_000_000, 200_000, -70_648.2]);
    // Cash from −$70,648 to $1M: its own axis, ticks every $500K from −$500K.
    expect(screen.getByText('−$500K')).toBeInTheDocument();
    screen.getByRole('application', { name: /over 3 months/ }).focus();
    await user.keyboard('{End}');
    expect(screen.getByRole('status')).toHaveTextContent(/Cash \(right axis\)−\$70,648$/);
  });

  it('shows the month nearest the pointer, and nothing once it leaves the plot', () => {
    const { container } = renderChart();
    const surface = container.querySelector('svg[data-chart-surface]')!;
    // jsdom puts the surface at 0, 0: x = 330 is in Feb's band (264–464), y = 100 is inside the plot.
    fireEvent.pointerMove(surface, { clientX: 330, clientY: 100 });
    const tooltip = container.querySelector('.svg-plot__tooltip');
    expect(tooltip).toHaveTextContent(/^Feb/);
    expect(tooltip).toHaveAttribute('aria-hidden', 'true');
    fireEvent.pointerMove(surface, { clientX: 330, clientY: 340 });
    expect(container.querySelector('.svg-plot__tooltip')).toBeNull();
  });

  it('draws a one-month horizon across the whole plot, with no pools, without a NaN', () => {
    const { container } = render(
      <BurnDownChart labels={['Jan']} pools={[]} cash={[100]} display={USD_DISPLAY} />,
    );
    // One band from x = 64 to 664, its middle at 364; ticks $0…$100, so $100 is the top, y = 24.
    expect(paths(container)).toEqual(['M64,24L364,24L664,24']);
    expect(container.innerHTML).not.toContain('NaN');
  });

  it('puts a second marker’s label inside the plot when it would meet the first one above it', () => {
    renderTwelveMonths([
      { index: 5, label: 'Cash runs out' },
      { index: 7, label: 'Credits run out' },
    ]);
    // Bands of 600 / 12 = 50 px: month 5's middle at 64 + 5.5 × 50 = 339, month 7's at 439. "Cash runs out"
    // (left half) reads rightwards, over 339 to 339 + 13 × 7.5 + 5 = 441.5; "Credits run out" (right half)
    // reads leftwards, over 439 − (15 × 7.5 + 5) = 321.5 to 439. They would meet above the plot (y = 24 − 8 =
    // 16), so the second goes just inside it (y = 24 + 14 = 38).
    expect(screen.getByText('Cash runs out')).toHaveAttribute('y', '16');
    expect(screen.getByText('Credits run out')).toHaveAttribute('y', '38');
    expect(screen.getByText('Credits run out')).toHaveAttribute('text-anchor', 'end');
  });

  it('draws the grid on both sides of $0 when cash has its own axis', () => {
    const { container } = renderChart([1_000_000, 200_000, -400_000]);
    // Credits stack to at most $100 (ticks $0…$100, step $25); cash from −$400,000 to $1M (ticks −$500K…$1M, a
    // third of the height below zero). The credits' axis is stretched to a third below zero too: low =
    // −(1/3) · 100 / (2/3) = −$50, ticks every $25 from −$50 to $100. Two axes: the plot runs from y = 24 to
    // 350 − 26 = 324, 300 px for $150, so y($v) = 324 − 2 (v + 50): grid lines at 324, 274, 224 ($0), 174, 124,
    // 74 and 24, the whole height.
    const grid = [...container.querySelectorAll('svg[data-chart-surface] g[stroke-dasharray="3 3"] line')];
    const heights = [324, 274, 224, 174, 124, 74, 24];
    expect(grid).toHaveLength(heights.length);
    grid.forEach((line, i) => expect(Number(line.getAttribute('y1'))).toBeCloseTo(heights[i]!, PX_DIGITS));
    // Each across the plot, from the left axis (x = 64) to the right one (676 − 64 = 612).
    for (const line of grid) {
      expect(line).toHaveAttribute('x1', '64');
      expect(line).toHaveAttribute('x2', '612');
    }
    for (const tick of ['−$50', '−$25', '$100', '−$500K', '$1M'])
      expect(screen.getByText(tick)).toBeInTheDocument();
  });

  it('puts the “Cash $0” label where it covers none of the areas and lines, moving left along the $0 line', () => {
    renderChart([300, 250, -10]);
    // Credits at most $100 and cash $300: one axis from −$100 to $300 (step $100), 300 px for $400, so
    // y($v) = 324 − 0.75 (v + 100) and $0 is at y = 249. Bands 200 px wide from x = 64; middles 164, 364, 564.
    // "Cash $0" is 7 × 6.5 = 45.5 px wide, 11 px high and 4 px off the line: above it spans y 234–245, below it
    // 253–264 (baseline 262). Above is covered everywhere: the credits' stacks reach down to $0 (y 249) in every
    // month, Mar's from y(25) = 230.25. Below, cash is flat at y(−10) = 256.5 over Mar's right half-band (x 564
    // to 664), so the label moves left 10 px at a time from its right end at 660: while its right end is past
    // 564 it meets that flat piece; then the piece from Feb's middle (364, y(250) = 61.5) down to Mar's (564,
    // 256.5), 0.975 px down per px across: at a right end of 560 the line is at 252.6, within 2.5 px of the
    // box's top (253); at 550 it is at 242.85, clear. The marker's line at x = 564 is not under 504.5–550.
    expect(screen.getByText('Cash $0')).toHaveAttribute('x', '550');
    expect(screen.getByText('Cash $0')).toHaveAttribute('y', '262');
  });

  it('keeps the “Cash $0” label at the plot’s right end above the line when nothing is drawn there', () => {
    render(<BurnDownChart labels={LABELS} pools={[]} cash={[300, 100, -100]} display={USD_DISPLAY} />);
    // One axis from −$100 to $300: $0 at y = 249, as above. With no pools, above the line at the right end (box
    // 614.5–660 across, 234–245 down) only cash could be drawn, and it is at y(−100) = 324 there.
    expect(screen.getByText('Cash $0')).toHaveAttribute('x', '660');
    expect(screen.getByText('Cash $0')).toHaveAttribute('y', '243');
  });

  it('puts each further marker’s label in the first row inside the plot where it meets no other', () => {
    renderTwelveMonths([
      { index: 2, label: 'Cash runs out' },
      { index: 5, label: 'Credits run out' },
      { index: 7, label: 'Cash runs out again' },
      { index: 9, label: 'Cash runs out again' },
    ]);
    // Bands of 50 px from x = 64: middles at 189 (month 2), 339 (5), 439 (7) and 539 (9). Widths at 7.5 px a
    // character plus 5: 102.5, 117.5, 147.5, 147.5. Above the plot (y = 16): "Cash runs out" over 189–291.5, then
    // "Credits run out" from 339 (8 px clear of 291.5) to 456.5. Month 7's label reads leftwards, 291.5–439:
    // it meets that row, so row 1 (y = 24 + 14 = 38). Month 9's, 391.5–539, meets both: row 2 (y = 52).
    expect(screen.getByText('Cash runs out')).toHaveAttribute('y', '16');
    expect(screen.getByText('Credits run out')).toHaveAttribute('y', '16');
    expect(screen.getAllByText('Cash runs out again').map((text) => text.getAttribute('y'))).toEqual([
      '38',
      '52',
    ]);
  });

  it('turns a marker’s label to the side of its line that has room, or centres it on the line', () => {
    // A narrow plot: 10 bands of 20 px from x = 64 to 264, month m's middle at 74 + 20 m.
    const plot = { x: (month: number) => 74 + 20 * month, top: 24, left: 64, right: 264 };
    const [again, first] = placeMarkerLabels(
      [
        { index: 3, label: 'Cash runs out again' },
        { index: 5, label: 'Cash runs out' },
      ],
      plot,
      10,
    );
    // Month 3 (x = 134), 19 × 7.5 + 5 = 147.5 px: not to its right (134 + 147.5 = 281.5 > 264) nor its left
    // (134 − 147.5 < 64), so over the line, centred (60.25) but kept inside the plot: 64 to 211.5, above it.
    expect(again).toMatchObject({ side: 'over', labelFrom: 64, labelTo: 211.5, row: 0 });
    // Month 5 (x = 174) is in the left half, but 174 + 102.5 = 276.5 is past the plot: it reads leftwards, from
    // 71.5, which meets the label above the plot, so it goes just inside (row 1).
    expect(first).toMatchObject({ side: 'left', labelFrom: 71.5, labelTo: 174, row: 1, labelY: 38 });
  });

  it('puts cash on a right-hand axis when its scale and the credits’ are far apart, and marks $0 when it goes below', () => {
    renderChart([1_000_000, 200_000, -400_000]);
    // Credits at most $100, cash up to $1M: 10,000× apart, so cash gets its own axis, its $0 level with the
    // credits' $0.
    expect(screen.getAllByText('Cash (right axis)')).toHaveLength(1);
    expect(screen.getByText('$1M')).toBeInTheDocument();
    expect(screen.getByText('Cash $0')).toBeInTheDocument();
  });
});
