import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ChartFrame } from '../../src/charts/chart-frame';

function tableOf(rows: number) {
  return {
    columns: ['Model', 'Cost'],
    rows: Array.from({ length: rows }, (_, i) => [`Model ${i + 1}`, String(i)]),
  };
}

describe('ChartFrame', () => {
  it('keeps a short table in the page for screen readers before it is shown', () => {
    render(
      <ChartFrame title="Costs" summary="Three models." table={tableOf(3)}>
        <div />
      </ChartFrame>,
    );
    expect(screen.getByRole('table', { name: 'Costs: data' })).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('puts a table of thousands of rows in the page only when asked, the summary standing for it until then', async () => {
    const user = userEvent.setup();
    render(
      <ChartFrame title="Costs" summary="Two thousand models." table={tableOf(2000)}>
        <div />
      </ChartFrame>,
    );
    expect(screen.getByText('Two thousand models.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Costs: data' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Show table/ }));
    expect(screen.getByRole('table', { name: 'Costs: data' })).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(2001);
  });
});
