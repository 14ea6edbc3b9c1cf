import type { Ref } from 'react';

/** A screen's latest action, said in words, and whether Undo can take it back. */
export type UndoableStatus = { text: string; undoable: boolean } | null;

/**
 * The line that says what the last action did, with an Undo button when it can be undone (deleting a slice, a
 * strategy, a pool). Pressing Undo calls `onUndo` and then reports "Undone." through `onStatus`.
 */
export function UndoNotice({
  status,
  onUndo,
  onStatus,
  undoRef,
  className,
}: {
  status: NonNullable<UndoableStatus>;
  onUndo: () => void;
  onStatus: (status: UndoableStatus) => void;
  undoRef?: Ref<HTMLButtonElement>;
  className?: string;
}) {
  return (
    <p className={`notice notice--info ${className ?? ''}`}>
      <span>{status.text}</span>
      {status.undoable && (
        <button
          type="button"
          className="button"
          ref={undoRef}
          onClick={() => {
            onUndo();
            onStatus({ text: 'Undone.', undoable: false });
          }}
        >
          Undo
        </button>
      )}
    </p>
  );
}
