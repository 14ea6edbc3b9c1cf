import { useState } from 'react';
import { keepUnreadableCopy, storedValueFile } from '../state/persistence';
import { usePlannerStore } from '../state/scenario-store';
import type { HeldNotice } from '../state/scenario-store';
import { formatNumber } from '../format/format';
import { CappedList } from '../ui/capped-list';
import { downloadBlob } from '../ui/download';

function quoted(names: readonly string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
}

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
  const holding = usePlannerStore((s) => s.heldSave !== null);
  if (notice === null) return null;
  const opened = notice.kind === 'opened';
  return (
    <div className={`notice ${opened ? 'notice--info' : 'notice--warn'}`} role={opened ? 'status' : 'alert'}>
      {!opened ? (
        <ShareProblems problems={notice.problems} />
      ) : holding ? (
        <p>
          The shared scenario “{notice.name}” opened as a new scenario, but it is not saved yet: nothing is
          saved until you choose what to do with the saved data that could not be read.
        </p>
      ) : (
        <p>
          The shared scenario “{notice.name}” opened as a new scenario. Your own scenarios are unchanged:
          switch between them on the Scenarios screen.
        </p>
      )}
      <button type="button" className="button button--quiet" onClick={() => dismiss(null)}>
        Dismiss
      </button>
    </div>
  );
}

/** A passing word about saving: scenarios another tab also changed, or what became of a choice. */
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

/** Says which saved scenarios shared an id and opened under a new one. */
function RepairedNotice() {
  const repaired = usePlannerStore((s) => s.repairedIds);
  const dismiss = usePlannerStore((s) => s.setRepairedIds);
  if (repaired.length === 0) return null;
  return (
    <div className="notice notice--info" role="status">
      <p>
        {repaired.map(
          (r) =>
            `“${r.name}” had the same id as “${r.sharedWith}” (${r.oldId}) and now has its own (${r.newId}). `,
        )}
        Both opened and are saved apart from now on.
      </p>
      <button type="button" className="button button--quiet" onClick={() => dismiss([])}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * Saved data the app could not read wholly: what opened, what did not, and the choice (keep it aside and
 * continue, download it, or discard it). Nothing is saved over it until the user chooses.
 */
function HeldSaveNotice({ notice }: { notice: HeldNotice }) {
  const setUnreadableCopies = usePlannerStore((s) => s.setUnreadableCopies);
  const releaseHeldSave = usePlannerStore((s) => s.releaseHeldSave);
  const setSyncNotice = usePlannerStore((s) => s.setSyncNotice);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { held, opened, notOpened, onOpening } = notice;
  const partly = notOpened.length > 0;

  function keepAside() {
    setBusy(true);
    keepUnreadableCopy(held).then(
      (copies) => {
        setUnreadableCopies(copies);
        releaseHeldSave();
        setSyncNotice(
          'The unreadable save is kept aside: it is listed under “Set-aside saves” on the Scenarios screen until you delete it. Saving is on again.',
        );
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(`${error instanceof Error ? error.message : String(error)}; nothing was saved over it`);
      },
    );
  }

  function discard() {
    releaseHeldSave();
    setSyncNotice('The unreadable save was discarded. Saving is on again.');
  }

  function download() {
    const { blob, fileName } = storedValueFile(held.value, 'unreadable-save');
    downloadBlob(blob, fileName);
  }

  return (
    <section className="notice notice--warn held-save" aria-label="Saved data that could not be read">
      <div role="alert">
        <p>
          {partly
            ? `Part of the data saved in this browser could not be read.`
            : `The data saved in this browser${onOpening ? '' : ' (written since this page opened)'} could not be read: ${held.reason}.`}{' '}
          It is left as it is. Nothing is saved over it until you choose; your edits stay on this page
          meanwhile.
        </p>
        {opened.length > 0 ? (
          <p>Opened: {quoted(opened)}.</p>
        ) : (
          onOpening && <p>Nothing in it could be opened, so the default scenario opened in its place.</p>
        )}
        {partly && (
          <>
            <p>Not opened:</p>
            <ul>
              {notOpened.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        )}
        {failure !== null && <p>Could not keep it aside: {failure}.</p>}
      </div>
      <div className="toolbar">
        <button type="button" className="button" disabled={busy} onClick={keepAside}>
          Keep aside and continue
        </button>
        <button type="button" className="button" onClick={download}>
          Download the unreadable save
        </button>
        {confirmingDiscard ? (
          <>
            <button type="button" className="button button--danger" onClick={discard}>
              Discard it for good
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setConfirmingDiscard(false)}
            >
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => setConfirmingDiscard(true)}
          >
            Discard the unreadable save
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * Says plainly what became of the saved data: what could not be read (and the choice it awaits), repaired
 * ids, storage failures, another tab's changes and a share link.
 */
export function LoadNotice() {
  const notice = usePlannerStore((s) => s.loadNotice);
  const dismiss = usePlannerStore((s) => s.setLoadNotice);
  const held = usePlannerStore((s) => s.heldSave);
  return (
    <>
      {held !== null && <HeldSaveNotice notice={held} />}
      {notice.kind !== 'none' && (
        <div className="notice notice--warn" role="alert">
          {notice.kind === 'saving-off' ? (
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
      <RepairedNotice />
      <SyncNotice />
      <ShareNotice />
    </>
  );
}
