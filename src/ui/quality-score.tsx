import { formatNumber } from '../format/format';

/** The marker shown next to a quality score that comes from the user's own evaluation. */
export const YOUR_EVAL = 'your eval';

/** A score in words: "72", or "88 (your eval)" when it is the user's evaluation. */
export function describeScore(score: number, evaluated: boolean): string {
  return evaluated ? `${formatNumber(score)} (${YOUR_EVAL})` : formatNumber(score);
}

/**
 * A model's quality score on a slice, with a small "your eval" badge when it is the user's own evaluation
 * rather than the catalog's score (its source, when given, as the badge's title).
 */
export function QualityScore({
  score,
  evaluated,
  source,
}: {
  score: number;
  evaluated: boolean;
  source?: string | undefined;
}) {
  return (
    <>
      {formatNumber(score)}
      {evaluated && (
        <span className="badge badge--eval" title={source ? `Your evaluation: ${source}` : 'Your evaluation'}>
          {YOUR_EVAL}
        </span>
      )}
    </>
  );
}
