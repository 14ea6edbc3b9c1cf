/**
 * The parts the charts drawn as plain SVG share: the focusable surface, the item it shows (under the pointer or
 * stepped to with the keys) and the tooltip floating over it.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';

/** The item a plot shows in its tooltip, and whether the keys chose it (read out then, and kept when the pointer leaves). */
export type PlotCursor<T> = { item: T; byKey: boolean };

/**
 * The item a plot shows: `point` it as the pointer finds it (the same item kept as it was), `step` to it with
 * the keys, null for none. `surfaceHandlers` go on the `PlotSurface`: the pointer leaving hides what it showed,
 * and the plot losing focus hides anything.
 */
export function usePlotCursor<T>() {
  const [cursor, setCursor] = useState<PlotCursor<T> | null>(null);
  return {
    cursor,
    point: (item: T | null) =>
      setCursor((old) =>
        item === null ? null : old !== null && Object.is(old.item, item) ? old : { item, byKey: false },
      ),
    step: (item: T | null) => setCursor(item === null ? null : { item, byKey: true }),
    surfaceHandlers: {
      onPointerLeave: () => setCursor((old) => (old?.byKey ? old : null)),
      onBlur: () => setCursor(null),
    },
  };
}

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

/** Whether the element's focus came from the keyboard (false where the browser cannot tell). */
function isKeyboardFocus(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return false;
  }
}

/**
 * A chart's SVG surface of `width` × `height` px, filling its `svg-plot` box: marked for saved images
 * (`data-chart-surface`), focusable, and named for what its keys do (`label`). `onStepKey` moves the shown item for
 * a key and says whether the key did anything; reached by the keyboard, the surface shows its first item at once
 * (as Home does), so the focus lands on figures rather than on an empty plot.
 */
export function PlotSurface({
  width,
  height,
  label,
  onPointerMove,
  onPointerLeave,
  onStepKey,
  onBlur,
  children,
}: {
  width: number;
  height: number;
  label: string;
  onPointerMove: (event: PointerEvent<SVGSVGElement>) => void;
  onPointerLeave: () => void;
  onStepKey: (key: string) => boolean;
  onBlur: () => void;
  children: ReactNode;
}) {
  return (
    <svg
      className="svg-plot__surface"
      data-chart-surface
      width={width}
      height={height}
      role="application"
      aria-label={label}
      tabIndex={0}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onKeyDown={(event: KeyboardEvent<SVGSVGElement>) => {
        if (onStepKey(event.key)) event.preventDefault();
      }}
      onFocus={(event) => {
        if (isKeyboardFocus(event.currentTarget)) onStepKey('Home');
      }}
      onBlur={onBlur}
    >
      {children}
    </svg>
  );
}
