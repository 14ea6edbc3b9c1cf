import type { ReactNode } from 'react';

/**
 * A chart's tooltip beside a spot of its plot, on the side with more room, inside the plot's box (which is
 * `position: relative`). Read out when the spot was reached by keyboard (`announce`); hidden from screen readers
 * when it follows the pointer.
 */
export function FloatingTooltip({
  x,
  y,
  width,
  height,
  announce,
  children,
}: {
  x: number;
  y: number;
  width: number;
  height: number;
  announce: boolean;
  children: ReactNode;
}) {
  const shift = `translate(${x > width / 2 ? 'calc(-100% - 12px)' : '12px'}, ${y > height / 2 ? 'calc(-100% - 12px)' : '12px'})`;
  return (
    <div
      className="chart-tooltip svg-plot__tooltip"
      style={{ left: x, top: y, transform: shift }}
      {...(announce ? { role: 'status' } : { 'aria-hidden': true })}
    >
      {children}
    </div>
  );
}
