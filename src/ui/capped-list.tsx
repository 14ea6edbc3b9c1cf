import type { ReactNode } from 'react';
import { formatNumber } from '../format/format';
import { downloadText } from './download';

/** The most items a list of problems shows: past it, "…and N more" and the whole list as a file. */
export const MAX_LISTED_ISSUES = 50;

type CappedListProps<T> = {
  items: readonly T[];
  /** One item on screen. */
  render: (item: T) => ReactNode;
  /** One item as a line of the downloaded file. */
  toLine: (item: T) => string;
  /** The downloaded file's name (`scenario-problems.txt`). */
  fileName: string;
  /**
   * When `items` are only the first of a longer list (a worker sends back the first problems of a file): how
   * many there are in all, and the whole list as the downloaded file's text.
   */
  whole?: { count: number; text: string };
  /** What the items are, plural ("problems"). */
  what?: string;
  limit?: number;
  className?: string;
  'aria-label'?: string;
};

/**
 * A list that renders at most `limit` items (50 by default), however many there are, so 80,000 problems never
 * freeze the page: the rest are counted ("…and 79,950 more problems") and the whole list is a download away.
 */
export function CappedList<T>({
  items,
  render,
  toLine,
  fileName,
  whole,
  what = 'problems',
  limit = MAX_LISTED_ISSUES,
  className,
  'aria-label': ariaLabel,
}: CappedListProps<T>) {
  const shown = items.slice(0, limit);
  const count = whole?.count ?? items.length;
  const hidden = count - shown.length;
  return (
    <>
      <ul className={className} aria-label={ariaLabel}>
        {shown.map((item, index) => (
          <li key={index}>{render(item)}</li>
        ))}
      </ul>
      {hidden > 0 && (
        <p className="capped-list__more">
          …and {formatNumber(hidden)} more {what}.{' '}
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              downloadText(whole?.text ?? `${items.map(toLine).join('\n')}\n`, fileName, 'text/plain')
            }
          >
            Download all {formatNumber(count)} {what}
          </button>
        </p>
      )}
    </>
  );
}
