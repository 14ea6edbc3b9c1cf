/** What the last action on a scenarios section said: news to announce, or an error. */
export type Status = { tone: 'info' | 'error'; text: string } | null;

/**
 * A status line that is always in the page (so screen readers announce each new message) showing news, and an
 * alert under it for an error.
 */
export function StatusMessage({ status, className }: { status: Status; className?: string }) {
  return (
    <>
      <p role="status" className={className === undefined ? 'muted' : `muted ${className}`}>
        {status?.tone === 'info' ? status.text : ''}
      </p>
      {status?.tone === 'error' && (
        <p role="alert" className="scenarios-error">
          {status.text}
        </p>
      )}
    </>
  );
}
