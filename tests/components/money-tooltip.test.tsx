import { render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { describe, expect, it } from 'vitest';
import { MoneyTooltip } from '../../src/charts/money-tooltip';

type TooltipProps = ComponentProps<typeof MoneyTooltip>;

describe('MoneyTooltip', () => {
  it('writes each series’ money and the total in full, however large', () => {
    const payload = [
      { name: 'All on Sonnet', value: 1_452_318.4, color: 'red' },
      { name: 'Cheap first', value: 81.456, color: 'blue' },
    ];
    render(
      <MoneyTooltip
        {...({ active: true, payload, label: 'Jan 2027' } as unknown as TooltipProps)}
        currency="USD"
        showTotal
      />,
    );
    // $1,452,318.40 + $81.456 = $1,452,399.856: whole dollars above $100, cents below.
    expect(screen.getByText('$1,452,318')).toBeInTheDocument();
    expect(screen.getByText('$81.46')).toBeInTheDocument();
    expect(screen.getByText('Total').nextSibling).toHaveTextContent('$1,452,400');
  });
});
