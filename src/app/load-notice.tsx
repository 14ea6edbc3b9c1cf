import { usePlannerStore } from '../state/scenario-store';
import { downloadText } from '../ui/download';

/** Says what became of a share link the page was opened with: opened as a new scenario, or why not. */
function ShareNotice() {
  const notice = usePlannerStore((s) => s.shareNotice);
  const dismiss = usePlannerStore((s) => s.setShareNotice);
  if (notice === null) return null;
  const opened = notice.kind === 'opened';
  return (
    <div className={`notice ${opened ? 'notice--info' : 'notice--warn'}`} role={opened ? 'status' : 'alert'}>
      {opened ? (
        <p>
          The shared scenario “{notice.name}” opened as a new scenario. Your own scenarios are unchanged:
          switch between them on the Scenarios screen.
        </p>
      ) : (
        <p>The share link could not be opened: {notice.message}. Nothing was changed.</p>
      )}
      <button type="button" className="button button--quiet" onClick={() => dismiss(null)}>
        Dismiss
      </button>
    </div>
  );
}

/** Says plainly when saved data could not be read or saved, and offers the unreadable copy for export. */
export function LoadNotice() {
  const notice = usePlannerStore((s) => s.loadNotice);
  const dismiss = usePlannerStore((s) => s.setLoadNotice);
  return (
    <>
      {notice.kind !== 'none' && (
        <div className="notice notice--warn" role="alert">
          {notice.kind === 'unreadable' ? (
            <p>
              Your saved scenario could not be opened ({notice.message}), so the default scenario is shown.
              The unreadable copy is kept.{' '}
              <button
                type="button"
                className="button"
                onClick={() => downloadText(notice.unreadableCopy, 'unreadable-saved-state.json')}
              >
                Download the unreadable copy
              </button>
            </p>
          ) : (
            <p>
              Storage problem: {notice.message}. Your edits stay on this page but may not survive a reload.
            </p>
          )}
          <button type="button" className="button button--quiet" onClick={() => dismiss({ kind: 'none' })}>
            Dismiss
          </button>
        </div>
      )}
      <ShareNotice />
    </>
  );
}
