import { useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/** Space between the spot and the tooltip, px. */
const GAP_PX = 12;

/**
 * A chart's tooltip beside a spot of its plot, inside the plot's box (which is `position: relative`): to the
 * spot's left or right, on the side with more room, moved in where it would cross the box's edge; above or below
 * the spot likewise. Read out when the spot was reached by keyboard (`announce`); hidden from screen readers when
 * it follows the pointer.
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
  const ref = useRef<HTMLDivElement>(null);
  // Its width is known once laid out (as wide as its words, at most the box's): placed before it is painted.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const own = box.offsetWidth;
    const wanted = x > width / 2 ? x - GAP_PX - own : x + GAP_PX;
    box.style.left = `${Math.max(0, Math.min(wanted, width - own))}px`;
  });
  const shift = `translateY(${y > height / 2 ? `calc(-100% - ${GAP_PX}px)` : `${GAP_PX}px`})`;
  return (
    <div
      ref={ref}
      className="chart-tooltip svg-plot__tooltip"
      style={{ left: x + GAP_PX, top: y, transform: shift }}
      {...(announce ? { role: 'status' } : { 'aria-hidden': true })}
    >
      {children}
    </div>
  );
}
