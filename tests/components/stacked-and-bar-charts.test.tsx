import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MoneyBarChart } from '../../src/charts/money-bar-chart';
import { stackSeries } from '../../src/charts/chart-series';
import { StackedMoneyChart } from '../../src/charts/stacked-money-chart';
import { USD_DISPLAY } from '../../src/format/format';
import { reportElementSize } from './reported-size';

reportElementSize(676, 350);

describe('StackedMoneyChart', () => {
  it('stacks each part on the parts before it, a gap counting as 0', () => {
    expect(
      stackSeries(2, [
        { name: 'a', values: [1, null] },
        { name: 'b', values: [2, 5] },
      ]),
    ).toEqual([
      { base: [0, 0], top: [1, 0] },
      // b sits on a: 1 + 2 = 3 in the first month, 0 + 5 = 5 in the second.
      { base: [1, 0], top: [3, 5] },
    ]);
  });

  it('lists a month’s parts in their order and their total, as bars over a few months', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <StackedMoneyChart
        labels={['Jan 2027', 'Feb 2027']}
        series={[
          { name: 'Slice A', values: [100, 150] },
          { name: 'Slice B', values: [40, 60] },
        ]}
        display={USD_DISPLAY}
      />,
    );
    // Two months of two parts: four bars.
    expect(container.querySelectorAll('rect')).toHaveLength(4);
    screen.getByRole('application', { name: /2 stacked parts over 2 months/ }).focus();
    await user.keyboard('{End}');
    // $150 + $60 = $210 (amounts under $100 in full, with cents).
    expect(screen.getByRole('status')).toHaveTextContent(/^Feb 2027Slice A\$150Slice B\$60\.00Total\$210$/);
  });
});

describe('MoneyBarChart', () => {
  it('hangs a negative amount below the zero line and lists each series', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <MoneyBarChart
        labels={['Jan 2027']}
        series={[
          { name: 'Caching savings', values: [-50] },
          { name: 'Batch savings', values: [150] },
        ]}
        display={USD_DISPLAY}
      />,
    );
    const zero = [...container.querySelectorAll('line')].find(
      (line) => line.getAttribute('stroke') === 'var(--muted)',
    );
    const zeroY = Number(zero!.getAttribute('y1'));
    const [caching, batch] = [...container.querySelectorAll('rect')].filter(
      (rect) => rect.getAttribute('height') !== null && rect.getAttribute('fill') === null,
    );
    // The saving below zero starts at the zero line and goes down; the one above ends on it.
    expect(Number(caching!.getAttribute('y'))).toBeCloseTo(zeroY, 6);
    expect(Number(batch!.getAttribute('y')) + Number(batch!.getAttribute('height'))).toBeCloseTo(zeroY, 6);
    screen.getByRole('application', { name: /2 series of bars over 1 month/ }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Jan 2027Caching savings−\$50\.00Batch savings\$150$/,
    );
  });
});
