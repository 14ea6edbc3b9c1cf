import { useState, useTransition } from 'react';
import { formatNumber } from '../format/format';

/** Rows of a long table put in the page until the user asks for all of them. */
export const FIRST_ROWS = 40;

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
 * of 1,000 rows does not hold the page while it is built and laid out. The rest are drawn as a transition, which
 * React renders in slices of a few milliseconds.
 */
export function useRowLimit(total: number, first = FIRST_ROWS): RowLimit {
  const [showsAll, setShowsAll] = useState(false);
  const [isDrawing, startTransition] = useTransition();
  return {
    count: showsAll ? total : Math.min(total, first),
    total,
    first,
    showsAll,
    isDrawing,
    toggle: () => startTransition(() => setShowsAll((shows) => !shows)),
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
