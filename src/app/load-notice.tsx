import { usePlannerStore } from '../state/scenario-store';

function downloadText(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Says plainly when saved data could not be read or saved, and offers the unreadable copy for export. */
export function LoadNotice() {
  const notice = usePlannerStore((s) => s.loadNotice);
  const dismiss = usePlannerStore((s) => s.setLoadNotice);
  if (notice.kind === 'none') return null;
  return (
    <div className="notice notice--warn" role="alert">
      {notice.kind === 'unreadable' ? (
        <p>
          Your saved scenario could not be opened ({notice.message}), so the default scenario is shown. The
          unreadable copy is kept.{' '}
          <button
            type="button"
            className="button"
            onClick={() => downloadText(notice.unreadableCopy, 'unreadable-saved-state.json')}
          >
            Download the unreadable copy
          </button>
        </p>
      ) : (
        <p>Storage problem: {notice.message}. Your edits stay on this page but may not survive a reload.</p>
      )}
      <button type="button" className="button button--quiet" onClick={() => dismiss({ kind: 'none' })}>
        Dismiss
      </button>
    </div>
  );
}
