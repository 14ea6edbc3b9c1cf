import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seriesColor } from '../../src/charts/palette';
import { TornadoChart } from '../../src/charts/tornado-chart';
import type { TornadoRow } from '../../src/charts/tornado-chart';
import { reportElementSize } from './reported-size';

reportElementSize(600, 300);

const ROWS: TornadoRow[] = [
  {
    label: 'Chat · monthly growth',
    lowOutcome: 80,
    highOutcome: 130,
    lowText: '2 % → $80',
    highText: '8 % → $130',
  },
  {
    label: 'Chat · output tokens',
    lowOutcome: 90,
    highOutcome: 105,
    lowText: '300 → $90',
    highText: '500 → $105',
  },
];

function renderChart() {
  return render(
    <TornadoChart rows={ROWS} baseline={100} baselineLabel="Likely: $100" formatTick={(v) => `$${v}`} />,
  );
}

/** The bars of the chart as [x, y, width, height, fill], rounded to 0.001 px. */
function bars(container: HTMLElement) {
  return [...container.querySelectorAll('svg rect:not(.tornado-chart__cursor)')].map((rect) => [
    ...['x', 'y', 'width', 'height'].map((name) => Math.round(Number(rect.getAttribute(name)) * 1000) / 1000),
    rect.getAttribute('fill'),
  ]);
}

describe('TornadoChart', () => {
  it('draws each row’s bars from the baseline to its low and high outcomes, the longer first', () => {
    const { container } = renderChart();
    // A 600 × 300 plot: labels take round(min(300, 0.4 × 600)) = 240 px, so the bars run from x = 4 + 240 = 244
    // to 600 − 16 = 584 (340 px), over round ticks $80…$140 (outcomes $80–$130, step 20): 340 / 60 px per dollar.
    // Rows run from y = 26 to 300 − 4 − 26 = 270: two bands of 122 px, bars in the middle half (61 px).
    // Row 1: baseline x(100) = 244 + 20 × 340/60 = 357.333; high x(130) = 527.333 (170 px, drawn first),
    // low x(80) = 244 (113.333 px). Row 2: low x(90) = 300.667 (56.667 px, drawn first) and high
    // x(105) = 385.667 (28.333 px), at y = 148 + 30.5.
    const low = seriesColor(0);
    const high = seriesColor(1);
    expect(bars(container)).toEqual([
      [357.333, 56.5, 170, 61, high],
      [244, 56.5, 113.333, 61, low],
      [300.667, 178.5, 56.667, 61, low],
      [357.333, 178.5, 28.333, 61, high],
    ]);
    for (const tick of ['$80', '$100', '$120', '$140', 'Likely: $100']) {
      expect(screen.getByText(tick)).toBeInTheDocument();
    }
    // Each label sits right-aligned 8 px left of the axis, its full text as its title.
    expect(screen.getByText('Chat · monthly growth', { selector: 'tspan' })).toHaveAttribute('x', '236');
  });

  it('steps through the rows with the arrow keys, largest swing first, and says each one', async () => {
    const user = userEvent.setup();
    renderChart();
    screen.getByRole('application', { name: /^2 inputs, largest swing first/ }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Chat · monthly growthInput at its low value2 % → \$80Input at its high value8 % → \$130$/,
    );
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('status')).toHaveTextContent(/^Chat · output tokens.*500 → \$105$/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows the row under the pointer, and nothing outside the bars’ area', () => {
    const { container } = renderChart();
    const plot = screen.getByRole('application');
    // y = 200 is in the second band (148–270), x = 400 between the axis (244) and the right edge (584).
    fireEvent.pointerMove(plot, { clientX: 400, clientY: 200 });
    expect(container.querySelector('.svg-plot__tooltip')).toHaveTextContent(/^Chat · output tokens/);
    fireEvent.pointerMove(plot, { clientX: 100, clientY: 200 });
    expect(container.querySelector('.svg-plot__tooltip')).toBeNull();
  });
});
