import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  decodeStoredValue,
  deleteUnreadableCopy,
  describeStoredValue,
  storedValueFile,
} from '../../state/persistence';
import type { UnreadableCopy } from '../../state/persistence';
import { usePlannerStore } from '../../state/scenario-store';
import { downloadBlob } from '../../ui/download';
import { StatusMessage } from './status-message';
import type { Status } from './status-message';

function keptAtText(keptAt: string): string {
  if (keptAt === '') return 'Kept by an earlier version';
  const date = new Date(keptAt);
  return Number.isNaN(date.getTime()) ? 'Kept earlier' : `Kept ${date.toLocaleString()}`;
}

/** A file name for a kept copy: its date, so several downloads do not overwrite each other. */
function copyFileBase(copy: UnreadableCopy): string {
  const day = copy.keptAt.slice(0, 19).replace(/[:T]/g, '-');
  return day === '' ? `set-aside-save-${copy.id}` : `set-aside-save-${day}`;
}

/** What trying to open a kept copy gave: the scenarios it opened, or why it still cannot be read. Pure. */
function describeOpening(names: readonly string[], stillDropped: readonly string[]): string {
  const quoted = names.map((name) => `“${name}”`).join(', ');
  const opened = `Opened ${quoted} as ${names.length === 1 ? 'a new scenario' : 'new scenarios'}.`;
  const rest = stillDropped.length === 0 ? '' : ` Still not opened: ${stillDropped.join('; ')}.`;
  return `${opened}${rest} The copy stays kept until you delete it.`;
}

function SetAsideRow({
  copy,
  index,
  onStatus,
}: {
  copy: UnreadableCopy;
  index: number;
  onStatus: (status: Status) => void;
}) {
  const [addScenario, setCopies] = usePlannerStore(useShallow((s) => [s.addScenario, s.setUnreadableCopies]));
  const [confirming, setConfirming] = useState(false);
  const label = `set-aside save ${index + 1}`;

  function download() {
    const { blob, fileName } = storedValueFile(copy.value, copyFileBase(copy));
    downloadBlob(blob, fileName);
  }

  function tryToOpen() {
    const decoded = decodeStoredValue(copy.value);
    if (!decoded.ok) {
      onStatus({ tone: 'error', text: `This copy still cannot be read: ${decoded.message}. It stays kept.` });
      return;
    }
    for (const entry of decoded.state.library) addScenario(entry.scenario);
    const names = decoded.state.library.map((entry) => entry.scenario.name);
    onStatus({ tone: 'info', text: describeOpening(names, decoded.dropped) });
  }

  function remove() {
    deleteUnreadableCopy(copy.id).then(
      (copies) => {
        setCopies(copies);
        onStatus({ tone: 'info', text: 'The set-aside save was deleted.' });
      },
      (error: unknown) => {
        setConfirming(false);
        onStatus({
          tone: 'error',
          text: `The set-aside save could not be deleted (${error instanceof Error ? error.message : String(error)}).`,
        });
      },
    );
  }

  return (
    <li className="set-aside__item">
      <div className="set-aside__text">
        <strong>{keptAtText(copy.keptAt)}</strong>{' '}
        <span className="muted">({describeStoredValue(copy.value)})</span>
        <p className="set-aside__reason">{copy.reason}</p>
      </div>
      <div className="toolbar set-aside__actions">
        <button type="button" className="button" aria-label={`Download ${label}`} onClick={download}>
          Download
        </button>
        <button type="button" className="button" aria-label={`Try to open ${label}`} onClick={tryToOpen}>
          Try to open
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="button button--danger"
              aria-label={`Delete ${label} for good`}
              onClick={remove}
            >
              Delete for good
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Delete ${label}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * Every copy of saved data the planner could not read, kept aside exactly as it was stored, each with the
 * date it was kept and why: download it, try to open it again, or delete it.
 */
export function SetAsideSaves() {
  const copies = usePlannerStore((s) => s.unreadableCopies);
  const [status, setStatus] = useState<Status>(null);
  return (
    <section className="scenarios-section" aria-labelledby="set-aside-title">
      <div className="section-head">
        <div>
          <h2 id="set-aside-title">Set-aside saves</h2>
          <p className="muted scenarios-section__lede">
            Saved data this browser held that the planner could not read, kept byte for byte until you delete
            it. Download it, or try to open it again after an update of the planner.
          </p>
        </div>
      </div>
      {copies.length === 0 ? (
        <p className="muted">None: everything saved in this browser could be read.</p>
      ) : (
        <ul aria-label="Set-aside saves" className="set-aside">
          {copies.map((copy, index) => (
            <SetAsideRow key={copy.id} copy={copy} index={index} onStatus={setStatus} />
          ))}
        </ul>
      )}
      <div className="scenarios-section__status">
        <StatusMessage status={status} />
      </div>
    </section>
  );
}
