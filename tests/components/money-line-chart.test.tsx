import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MoneyLineChart } from '../../src/charts/money-line-chart';
import { USD_DISPLAY } from '../../src/format/format';
import { reportElementSize } from './reported-size';

reportElementSize(676, 350);

describe('MoneyLineChart', () => {
  it('names each line and gives a month’s amounts, largest first, leaving out a series with none', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <MoneyLineChart
        labels={['Jan 2027', 'Feb 2027']}
        series={[
          { name: 'Cheap', values: [100, 120], emphasis: true },
          { name: 'Dear', values: [300, 330] },
          { name: 'Later', values: [null, 200] },
        ]}
        display={USD_DISPLAY}
      />,
    );
    for (const name of ['Cheap', 'Dear', 'Later']) expect(screen.getByText(name)).toBeInTheDocument();
    // One path per series; "Later" starts in February (its January is a gap).
    const paths = [...container.querySelectorAll('path')].map((path) => path.getAttribute('d') ?? '');
    expect(paths).toHaveLength(3);
    expect(paths[2]!.match(/M/g)).toHaveLength(1);
    screen
      .getByRole('application', { name: /3 lines over 2 months: the arrow keys step through the months/ })
      .focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent(/^Jan 2027Dear\$300Cheap\$100$/);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent(/^Feb 2027Dear\$330Later\$200Cheap\$120$/);
  });

  it('shows amounts in the display currency at its rate', async () => {
    const user = userEvent.setup();
    render(
      <MoneyLineChart
        labels={['Jan 2027']}
        series={[{ name: 'Only', values: [1000] }]}
        display={{ currency: 'EUR', perUsd: 0.9, setOn: '2026-12-01' }}
      />,
    );
    screen.getByRole('application', { name: /One line over 1 month: / }).focus();
    await user.keyboard('{ArrowRight}');
    // $1,000 × 0.9 = €900.
    expect(screen.getByRole('status')).toHaveTextContent(/^Jan 2027Only€900$/);
  });
});
