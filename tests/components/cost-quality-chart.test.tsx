import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CostQualityChart, listPoints } from '../../src/charts/cost-quality-chart';
import type { CostQualityPoint } from '../../src/charts/cost-quality-chart';
import { USD_DISPLAY } from '../../src/format/format';
import { reportElementSize } from './reported-size';

reportElementSize(600, 300);

type NamedPoint = CostQualityPoint & { name: string };
const POINTS: NamedPoint[] = [
  { name: 'Small', costPerRequest: 0.001, quality: 50, onFrontier: true },
  { name: 'Large', costPerRequest: 0.01, quality: 90, onFrontier: true },
  { name: 'Dear and weak', costPerRequest: 0.02, quality: 40, onFrontier: false },
];
const nameOf = (point: NamedPoint) => point.name;

describe('CostQualityChart', () => {
  it('names the frontier, the dominated models and the bar, and draws a diamond per frontier model', () => {
    const { container } = render(
      <CostQualityChart points={listPoints(POINTS)} nameOf={nameOf} qualityBar={70} display={USD_DISPLAY} />,
    );
    const legend = container.querySelector('.svg-chart__legend') as HTMLElement;
    expect(within(legend).getByText('Frontier (no model cheaper and as good)')).toBeInTheDocument();
    expect(within(legend).getByText('Dominated')).toBeInTheDocument();
    expect(within(legend).getByText('Quality bar')).toBeInTheDocument();
    expect(container.querySelectorAll('.cost-quality__frontier path')).toHaveLength(1 + 2);
    // The one dominated model is one dot of the cloud; the bar is labelled on the plot.
    expect(container.querySelector('.cost-quality__cloud')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+h0$/);
    expect(screen.getByText('Quality bar 70')).toBeInTheDocument();
    // Log ticks at 1, 2 and 5 times powers of ten between $0.001 and $0.02.
    expect(screen.getByText('Cost per request (log scale)')).toBeInTheDocument();
    expect(screen.getByText('$0.01')).toBeInTheDocument();
  });

  it('steps through the models with the arrow keys, cheapest first, and says each one', async () => {
    const user = userEvent.setup();
    render(
      <CostQualityChart points={listPoints(POINTS)} nameOf={nameOf} qualityBar={70} display={USD_DISPLAY} />,
    );
    const plot = screen.getByRole('application', { name: /3 models drawn/ });
    plot.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent(
      /^SmallCost per request\$0\.001000Quality50On the frontier$/,
    );
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent(/^Large/);
    await user.keyboard('{End}');
    expect(screen.getByRole('status')).toHaveTextContent(/^Dear and weak.*Dominated$/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows the model under the pointer, and nothing away from every dot', () => {
    const { container } = render(
      <CostQualityChart points={listPoints(POINTS)} nameOf={nameOf} display={USD_DISPLAY} />,
    );
    const plot = screen.getByRole('application');
    const [first] = container.querySelectorAll('.cost-quality__frontier path:not([fill="none"])');
    // The first diamond's top corner is at (x, y − 5.5).
    const [, x, y] = /^M([\d.]+),([\d.]+)/.exec(first?.getAttribute('d') ?? '') ?? [];
    fireEvent.pointerMove(plot, { clientX: Number(x), clientY: Number(y) + 5.5 });
    expect(container.querySelector('.svg-plot__tooltip')).toHaveTextContent(/^Small/);
    fireEvent.pointerMove(plot, { clientX: 2, clientY: 2 });
    expect(container.querySelector('.svg-plot__tooltip')).toBeNull();
  });

  it('draws costs on a linear axis from zero when a cost is zero', () => {
    render(
      <CostQualityChart
        points={listPoints([{ name: 'Free', costPerRequest: 0, quality: 30, onFrontier: true }, ...POINTS])}
        nameOf={nameOf}
        display={USD_DISPLAY}
      />,
    );
    expect(screen.getByText('Cost per request')).toBeInTheDocument();
    expect(screen.getByText('$0')).toBeInTheDocument();
  });
});
