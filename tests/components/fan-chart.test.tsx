import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FAN_NAMES, FanChart } from '../../src/charts/fan-chart';
import { buildMonthBand, buildMonthLine } from '../../src/charts/month-plot';
import { USD_DISPLAY } from '../../src/format/format';
import { reportElementSize } from './reported-size';

reportElementSize(676, 350);

/** A plot where month m sits at x = 10m + 5 and an amount is its own y: the paths' numbers read off directly. */
const PLOT = { x: (month: number) => 10 * month + 5, y: (amount: number) => amount };

describe('FanChart', () => {
  it('draws a line through each month’s middle and the band along the highs, back along the lows', () => {
    expect(buildMonthLine([30, 20, 10], PLOT)).toBe('M5 30L15 20L25 10');
    // Highs 40, 50 forward, then lows 10, 20 back from the last month, closed.
    expect(buildMonthBand([10, 20], [40, 50], PLOT)).toBe('M5 40L15 50L15 20L5 10Z');
    expect(buildMonthLine([], PLOT)).toBe('');
    // A gap breaks the line: the next value starts it again.
    expect(buildMonthLine([30, null, 10, 20], PLOT)).toBe('M5 30M25 10L35 20');
    expect(buildMonthBand([], [], PLOT)).toBe('');
  });

  it('names its three parts and gives a month’s four amounts from the keyboard', async () => {
    const user = userEvent.setup();
    render(
      <FanChart
        labels={['Jan 2027', 'Feb 2027', 'Mar 2027']}
        p10={[100, 200, 300]}
        p50={[150, 250, 350]}
        p90={[200, 300, 400]}
        point={[160, 260, 360]}
        display={USD_DISPLAY}
      />,
    );
    for (const name of Object.values(FAN_NAMES)) expect(screen.getByText(name)).toBeInTheDocument();
    screen
      .getByRole('application', { name: /over 3 months: the arrow keys step through the months/ })
      .focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Jan 2027P90\$200P50\$150P10\$100Point estimate\$160$/,
    );
    await user.keyboard('{End}');
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Mar 2027P90\$400P50\$350P10\$300Point estimate\$360$/,
    );
  });
});
