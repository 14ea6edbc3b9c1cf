import { dismissUnreadableCopy } from '../state/persistence';
import { usePlannerStore } from '../state/scenario-store';
import { formatNumber } from '../format/format';
import { CappedList } from '../ui/capped-list';
import { downloadText } from '../ui/download';

/** Why a share link could not be opened: one problem in a sentence, several as a list capped at 50. */
function ShareProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 1) {
    return <p>The share link could not be opened: {problems[0]}. Nothing was changed.</p>;
  }
  return (
    <div>
      <p>
        The share link could not be opened ({formatNumber(problems.length)} problems). Nothing was changed.
      </p>
      <CappedList
        items={problems}
        render={(line) => line}
        toLine={(line) => line}
        fileName="share-link-problems.txt"
      />
    </div>
  );
}

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
        <ShareProblems problems={notice.problems} />
      )}
      <button type="button" className="button button--quiet" onClick={() => dismiss(null)}>
        Dismiss
      </button>
    </div>
  );
}

/** Says which scenarios another tab's save touched while this tab had edited them too. */
function SyncNotice() {
  const notice = usePlannerStore((s) => s.syncNotice);
  const dismiss = usePlannerStore((s) => s.setSyncNotice);
  if (notice === null) return null;
  return (
    <div className="notice notice--info" role="status">
      <p>{notice}</p>
      <button type="button" className="button button--quiet" onClick={() => dismiss(null)}>
        Dismiss
      </button>
    </div>
  );
}

function keptAtText(keptAt: string): string {
  if (keptAt === '') return 'kept earlier';
  const date = new Date(keptAt);
  return Number.isNaN(date.getTime()) ? 'kept earlier' : `kept ${date.toLocaleString()}`;
}

/** Every unreadable saved copy, each offered for download until the user dismisses it. */
function UnreadableCopies() {
  const copies = usePlannerStore((s) => s.unreadableCopies);
  const setCopies = usePlannerStore((s) => s.setUnreadableCopies);
  const setLoadNotice = usePlannerStore((s) => s.setLoadNotice);
  if (copies.length === 0) return null;
  function dismiss(id: string) {
    dismissUnreadableCopy(id).then(setCopies, (error: unknown) => {
      setCopies(usePlannerStore.getState().unreadableCopies.filter((copy) => copy.id !== id));
      setLoadNotice({ kind: 'storage-error', message: `the copy could not be forgotten (${String(error)})` });
    });
  }
  return (
    <div className="notice notice--warn" role="region" aria-label="Unreadable saved copies">
      <p>
        {copies.length === 1 ? 'A copy' : `${copies.length} copies`} of saved data could not be read and{' '}
        {copies.length === 1 ? 'is' : 'are'} kept until you dismiss {copies.length === 1 ? 'it' : 'them'}:
      </p>
      <ul data-testid="unreadable-copies">
        {copies.map((copy, index) => (
          <li key={copy.id}>
            {keptAtText(copy.keptAt)}: {copy.reason}.{' '}
            <button
              type="button"
              className="button"
              aria-label={`Download unreadable copy ${index + 1}`}
              onClick={() => downloadText(copy.text, `unreadable-saved-state-${index + 1}.json`)}
            >
              Download
            </button>{' '}
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Dismiss unreadable copy ${index + 1}`}
              onClick={() => dismiss(copy.id)}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Says plainly when saved data could not be read or saved, and lists the unreadable copies kept. */
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
              The unreadable copy is kept below.
            </p>
          ) : notice.kind === 'saving-off' ? (
            <p>
              Saving is off: {notice.message}, so the default scenario opened in memory. Your edits stay on
              this page only; download a scenario file to keep them.
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
      <UnreadableCopies />
      <SyncNotice />
      <ShareNotice />
    </>
  );
}
