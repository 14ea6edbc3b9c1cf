import { startTransition, useEffect, useState, useTransition } from 'react';
import { formatNumber } from '../format/format';
import { afterNextPaint } from './after-next-paint';

/** Rows of a long table put in the page until the user asks for all of them. */
export const FIRST_ROWS = 40;
/**
 * Rows a table first appears with, about a screenful; the rest of its first `FIRST_ROWS` follow in renders of
 * their own, this many a frame. Laid out at once, the first 40 rows of a new table (text shaped and painted for
 * the first time) held a frame for 15–20 ms, and the 28 after the first 12 still 18–33 ms at 10,000 models.
 */
const ROWS_PER_PASS = 12;

export type RowLimit = {
  /** How many rows to draw: the first `first`, or every one once asked. */
  count: number;
  total: number;
  first: number;
  showsAll: boolean;
  /** True while the rest of the rows are being drawn (in the background: the page stays responsive). */
  isDrawing: boolean;
  toggle: () => void;
};

/**
 * A long table's rows drawn a screenful at a time: the first `first` (40) until "Show all" is pressed, so a table
 * of 1,000 rows does not hold the page while it is built and laid out. A new table comes with `ROWS_PER_PASS`
 * rows, as many more after each frame until its first rows are all drawn; the rest of all rows are drawn as a
 * transition, which React renders in slices of a few milliseconds.
 */
export function useRowLimit(total: number, first = FIRST_ROWS): RowLimit {
  const [showsAll, setShowsAll] = useState(false);
  const [isDrawing, startDrawing] = useTransition();
  // How many of the first rows are drawn so far: a pass's worth more after each paint until all of them are.
  const [drawnFirst, setDrawnFirst] = useState(ROWS_PER_PASS);
  const isGrowing = drawnFirst < Math.min(total, first);
  useEffect(
    () =>
      isGrowing
        ? afterNextPaint(() => startTransition(() => setDrawnFirst((drawn) => drawn + ROWS_PER_PASS)))
        : undefined,
    [isGrowing, drawnFirst],
  );
  const wanted = showsAll ? total : Math.min(total, first);
  return {
    count: isGrowing ? Math.min(wanted, drawnFirst) : wanted,
    total,
    first,
    showsAll,
    isDrawing,
    toggle: () => startDrawing(() => setShowsAll((shows) => !shows)),
  };
}

/**
 * Under a table drawn with `useRowLimit`: how many rows it shows, and the button that shows all of them or the
 * first ones again. Nothing when the table is short. `what` names the rows, plural ("slices").
 */
export function RowLimitToggle({
  limit,
  what,
  tableId,
}: {
  limit: RowLimit;
  what: string;
  /** The id of the table (or body) whose rows it shows. */
  tableId: string;
}) {
  if (limit.total <= limit.first) return null;
  const total = formatNumber(limit.total);
  return (
    <p className="row-limit" aria-busy={limit.isDrawing}>
      <span>
        {limit.showsAll
          ? `All ${total} ${what} shown.`
          : `The first ${formatNumber(limit.first)} of ${total} ${what} shown.`}
      </span>{' '}
      <button
        type="button"
        className="button button--quiet"
        aria-controls={tableId}
        aria-expanded={limit.showsAll}
        onClick={limit.toggle}
      >
        {limit.showsAll ? `Show the first ${formatNumber(limit.first)} only` : `Show all ${total} ${what}`}
      </button>
    </p>
  );
}
