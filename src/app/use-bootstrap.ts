import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { formatIssue } from '../domain/validate-scenario';
import { isShareFragment, readShareFragment } from '../io/share-link';
import { defaultScenarioQueryOptions } from '../queries/shipped-data';
import {
  SYNC_CHANNEL,
  isSameLibrary,
  loadNewerLibrary,
  loadPersisted,
  loadUnreadableCopies,
  mergeLibraries,
  sameScenario,
  savePersisted,
} from '../state/persistence';
import type { HeldSave, LoadOutcome, MergeResult, PersistedState, SyncBase } from '../state/persistence';
import { decodeSavedLibrary } from '../workers/saved-library-client';
import { createSaveWriter } from '../workers/save-writer-client';
import { hasSameSavedUi, readSavedUi, usePlannerStore } from '../state/scenario-store';
import type { SavedUi } from '../state/scenario-store';
import {
  CLOSING_KEY_PREFIX,
  deleteClosingSaves,
  makeClosingSave,
  readClosingSaves,
  restoreClosingSaves,
  writeClosingSave,
} from '../state/closing-save';

const SAVE_DELAY_MS = 250;

let savedState: Promise<LoadOutcome> | null = null;
let closingSaves: ReturnType<typeof readClosingSaves> | null = null;

/**
 * Starts reading the saved state and the shipped default scenario at once, before React first renders, so
 * the first figures wait for neither in turn. A large saved library is decoded in a worker (the page shows
 * that it is loading meanwhile). Safe to call more than once.
 */
export function startBootstrapLoads(queryClient: QueryClient) {
  savedState ??= loadPersisted(decodeSavedLibrary);
  closingSaves ??= readClosingSaves(decodeSavedLibrary);
  void queryClient.prefetchQuery(defaultScenarioQueryOptions());
}

export type BootStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/**
 * Opens a share link the page was opened with (`#share=…`) as a NEW library scenario, never replacing one, and
 * clears the fragment so a reload does not open it twice. A damaged, oversized or invalid link changes nothing
 * and is reported.
 */
export function openShareLinkInAddress() {
  const { hash, pathname, search } = window.location;
  if (!isShareFragment(hash)) return;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  const { addScenario, setShareNotice } = usePlannerStore.getState();
  const opened = readShareFragment(hash);
  if (opened.ok) {
    addScenario(opened.value);
    // The name it was added under: "Name (2)" where the library already holds a "Name".
    const added = usePlannerStore.getState().scenario;
    setShareNotice({ kind: 'opened', name: added?.name ?? opened.value.name });
  } else {
    setShareNotice({ kind: 'failed', problems: opened.issues.map(formatIssue) });
  }
}

/**
 * What a tab announces on the `SYNC_CHANNEL` after each save: its revision, and the scenarios it kept its own
 * edit of over another tab's (absent from builds before it).
 */
type SyncMessage = { kind: 'saved'; revision: number; keptOver?: string[] };
const syncMessageSchema = z.object({
  kind: z.literal('saved'),
  revision: z.number(),
  keptOver: z.array(z.string()).optional(),
});

/** Scenario names, each in quotes: “A”, “B”. */
function quoteNames(names: readonly string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
}

/** Says which of this tab's saved edits another tab, editing them at the same time, replaced with its own. */
function replacedNotice(names: readonly string[]): string {
  return `${quoteNames(names)} ${names.length === 1 ? 'was' : 'were'} also changed in another tab at the same time, and that tab kept its version: this tab now shows it.`;
}

/** Says which scenarios both this tab and another changed, keeping this tab's edits. */
function conflictNotice(conflicts: readonly string[]): string {
  return `${quoteNames(conflicts)} ${conflicts.length === 1 ? 'was' : 'were'} also changed in another tab; this tab's version was kept.`;
}

/** Says which scenarios a restored closing save and another save both changed, keeping the closing edit. */
function reportRestoreConflicts(conflicts: readonly string[]) {
  if (conflicts.length === 0) return;
  usePlannerStore
    .getState()
    .setSyncNotice(
      `Your last edits to ${quoteNames(conflicts)}, made as the page closed, were restored over changes saved in another tab.`,
    );
}

/** The longest a save waits for the page to be idle after the typing pause (`SAVE_DELAY_MS`). */
const SAVE_IDLE_TIMEOUT_MS = 1000;

/**
 * Runs `work` when the page is next idle (between frames, nothing queued), or after `SAVE_IDLE_TIMEOUT_MS` at
 * the latest, so a save never lands in the middle of typing; at once where the browser has no idle callbacks.
 * Returns the function that cancels it.
 */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    work();
    return () => undefined;
  }
  const handle = requestIdleCallback(work, { timeout: SAVE_IDLE_TIMEOUT_MS });
  return () => cancelIdleCallback(handle);
}

/** The open scenario and display preferences, as one string to compare with what was last saved. */
function describeSettings(activeId: string | null, ui: SavedUi): string {
  return JSON.stringify([activeId, ui]);
}

/** An id for this page, for the key of its closing save. */
function makePageId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Closing saves the page opened with: restored into the library (`restored`) and to delete once saved;
 * `keptOver`, the scenarios whose closing edit was kept over another tab's.
 */
type OpenedClosing = { keys: string[]; restored: boolean; keptOver: string[] };

/**
 * Saves every change of the library, UI preferences and open scenario, measured from what this tab last
 * loaded or wrote (see persistence.ts for the merge rule), one save or reload at a time. Announces each save on
 * the `SYNC_CHANNEL` and reloads when another tab announces one. As the page closes with an edit not yet saved,
 * writes a closing save (src/state/closing-save.ts). Returns the function that stops it.
 */
function startSaving(initial: SyncBase, closing: OpenedClosing): () => void {
  const store = usePlannerStore;
  let base = initial;
  let own = describeSettings(store.getState().activeId, readSavedUi(store.getState()));
  let queue: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  /** A change is waiting to be saved. */
  let pending = false;
  /** Saves queued or being written. */
  let unsettled = 0;
  /** Closing saves that the next save to be written (or found already written) makes needless. */
  let closingToDelete = [...closing.keys];
  const closingKey = `${CLOSING_KEY_PREFIX}${makePageId()}`;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SYNC_CHANNEL);
  /** The library this tab opened with when storage held none (the shipped default), until it changes. */
  const openedWithoutSave =
    initial.library.length === 0 && !closing.restored ? store.getState().library : null;
  // Ordinary saves are written off the page's thread where there are workers.
  const writer = createSaveWriter();

  /** Scenarios this tab kept its own edit of over another tab's, to be said with its next save's announcement. */
  let keptOver = new Set<string>(closing.keptOver);
  /** Scenarios this tab has saved an edit of: another tab keeping its own edit of one over it replaced it. */
  const savedEdits = new Set<string>();

  function reportConflicts({ conflicts, conflictIds }: Pick<MergeResult, 'conflicts' | 'conflictIds'>) {
    if (conflicts.length > 0) store.getState().setSyncNotice(conflictNotice(conflicts));
    for (const id of conflictIds) keptOver.add(id);
  }

  /** Says which of this tab's saved edits another tab has just replaced with its own (`keptOver` there). */
  function reportReplaced(replacedIds: readonly string[]) {
    const replaced = replacedIds.filter((id) => savedEdits.delete(id));
    if (replaced.length === 0) return;
    const { library } = store.getState();
    const names = replaced.flatMap((id) => library.find((entry) => entry.id === id)?.scenario.name ?? []);
    if (names.length > 0) store.getState().setSyncNotice(replacedNotice(names));
  }

  /**
   * Takes a library stored by another tab, keeping this tab's unsaved edits. The shipped default a tab opened
   * with when storage held nothing, untouched, is not an edit: another tab's first save replaces it, rather than
   * the two defaults being kept side by side (the other tab's edited copy under a new id, and this tab's
   * unedited one, still open, then saved over the other tab's edit).
   */
  function takeStored(stored: SyncBase, previousBase: SyncBase) {
    const { library } = store.getState();
    const mine = library === openedWithoutSave ? [] : library;
    const merged = mergeLibraries(previousBase.library, mine, stored.library);
    if (!isSameLibrary(merged.library, library)) {
      store.getState().applySavedLibrary(merged.library);
    }
    return merged;
  }

  /** The held data this tab last wrote over with the user's consent. */
  let replaced: HeldSave | null = null;

  /** Deletes the closing saves a save has made needless: storage holds what they held, or later. */
  function deleteNeedlessClosing(keys: readonly string[]) {
    if (keys.length === 0) return;
    closingToDelete = closingToDelete.filter((key) => !keys.includes(key));
    void deleteClosingSaves(keys).catch(() => undefined);
  }

  function save() {
    unsettled++;
    queue = queue.then(async () => {
      try {
        await writeSave();
      } finally {
        unsettled--;
      }
    });
  }

  async function writeSave() {
    const state = store.getState();
    const { library, activeId, releasedSave } = state;
    const ui = readSavedUi(state);
    const settings = describeSettings(activeId, ui);
    if (activeId === null || library.length === 0) return;
    const closingWritten = closingToDelete;
    const mustReplace = releasedSave !== null && releasedSave !== replaced;
    if (!mustReplace && isSameLibrary(library, base.library) && settings === own) {
      deleteNeedlessClosing(closingWritten);
      return;
    }
    const snapshot: PersistedState = { library, activeId, ui };
    try {
      const outcome = await savePersisted(snapshot, base, {
        replacing: releasedSave,
        decoder: decodeSavedLibrary,
        writer: writer?.write,
      });
      if (outcome.held) {
        // Storage holds data this build cannot read and the user has not chosen: nothing was written.
        if (store.getState().heldSave === null) {
          store.getState().holdSave({ held: outcome.held, onOpening: false, opened: [], notOpened: [] });
        }
        return;
      }
      const previousById = new Map(base.library.map((entry) => [entry.id, entry]));
      for (const entry of library) {
        if (!sameScenario(entry, previousById.get(entry.id))) savedEdits.add(entry.id);
      }
      base = outcome.saved;
      own = settings;
      deleteNeedlessClosing(closingWritten);
      replaced = releasedSave;
      // Storage was readable: whatever this tab held back is no longer there (another tab's user chose).
      if (store.getState().heldSave !== null) store.getState().holdSave(null);
      if (outcome.merged) {
        takeStored(outcome.saved, { revision: base.revision, library });
        reportConflicts(outcome);
      }
      const savedIds = new Set(outcome.saved.library.map((entry) => entry.id));
      const message: SyncMessage = {
        kind: 'saved',
        revision: base.revision,
        keptOver: [...keptOver].filter((id) => savedIds.has(id)),
      };
      keptOver = new Set();
      channel?.postMessage(message);
    } catch (error) {
      store.getState().setLoadNotice({ kind: 'storage-error', message: (error as Error).message });
    }
  }

  /** Takes another tab's save; `replacedIds` are the scenarios it kept its own edit of over another tab's. */
  function reload(replacedIds: readonly string[]) {
    queue = queue.then(async () => {
      try {
        const stored = await loadNewerLibrary(base, decodeSavedLibrary);
        if (stored === null) return;
        const previousBase = base;
        base = stored;
        const merged = takeStored(stored, previousBase);
        reportConflicts(merged);
        // Unless this tab has edited it again since (then its own edit is kept, and said so above).
        reportReplaced(replacedIds.filter((id) => !merged.conflictIds.includes(id)));
        if (store.getState().heldSave !== null) store.getState().holdSave(null);
      } catch {
        // The next save merges whatever this reload missed.
      }
    });
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.library === previous.library &&
      state.activeId === previous.activeId &&
      hasSameSavedUi(state, previous) &&
      state.releasedSave === previous.releasedSave
    )
      return;
    clearTimeout(timer);
    cancelIdle?.();
    pending = true;
    timer = setTimeout(() => (cancelIdle = whenIdle(saveNow)), SAVE_DELAY_MS);
  });

  /** Saves what is waiting for the typing pause or an idle moment, at once. */
  function saveNow() {
    clearTimeout(timer);
    cancelIdle?.();
    if (!pending) return;
    pending = false;
    save();
  }
  // A hidden page (another tab chosen, the window minimised) may be closed with no further chance to save:
  // what was waiting is saved at once.
  const onHidden = () => {
    if (document.visibilityState === 'hidden') saveNow();
  };
  document.addEventListener('visibilitychange', onHidden);
  // A closing page is gone before a save's read answers: what is not yet in storage is written without one.
  const onPageHide = () => {
    if (!pending && unsettled === 0) return;
    const now = store.getState();
    const { library, activeId, heldSave } = now;
    if (activeId === null || library.length === 0 || heldSave !== null) return;
    const state: PersistedState = { library, activeId, ui: readSavedUi(now) };
    writeClosingSave(closingKey, makeClosingSave(state, base, new Date().toISOString()));
    if (!closingToDelete.includes(closingKey)) closingToDelete = [...closingToDelete, closingKey];
  };
  window.addEventListener('pagehide', onPageHide);
  if (closing.keys.length > 0) {
    // What the closing saves held is saved now, as an ordinary save.
    pending = true;
    saveNow();
  }
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = syncMessageSchema.safeParse(event.data);
      reload(message.success ? (message.data.keptOver ?? []) : []);
      // Another tab may have kept a copy aside.
      void loadUnreadableCopies().then((copies) => store.getState().setUnreadableCopies(copies));
    };
  }
  return () => {
    clearTimeout(timer);
    cancelIdle?.();
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', onPageHide);
    unsubscribe();
    channel?.close();
    // After the saves already queued, which may be using it.
    void queue.then(() => writer?.stop());
  };
}

/**
 * Opens the saved scenarios, or the shipped default when nothing usable is saved, then saves every change,
 * merging with other tabs' saves. Saved data that cannot be read wholly is left untouched and reported, and
 * nothing is saved over it until the user chooses (keep aside, or discard). When storage does not answer, the default opens in memory and the page says saving is
 * off. A share link in the address opens after the saved library, as a new scenario.
 */
export function useBootstrap(): BootStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<BootStatus>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let stop = () => {};
    const store = usePlannerStore;

    async function boot() {
      startBootstrapLoads(queryClient);
      // Taken once: a later mount reads storage afresh (reading writes nothing).
      const loading = savedState ?? loadPersisted(decodeSavedLibrary);
      const readingClosing = closingSaves ?? readClosingSaves(decodeSavedLibrary);
      savedState = null;
      closingSaves = null;
      const [saved, fallback] = await Promise.all([
        loading,
        queryClient.fetchQuery(defaultScenarioQueryOptions()),
      ]);
      // Storage that answered the read of the saved state answers this one too; storage that did not is off.
      const closing =
        saved.kind === 'empty' || saved.kind === 'loaded' ? await readingClosing : { saves: [], keys: [] };
      if (cancelled) return;
      const { loadLibrary, setLoadNotice, applySavedUi, setUnreadableCopies, holdSave } = store.getState();
      let base: SyncBase = { revision: 0, library: [] };
      // Edits a page made as it closed, not yet saved: restored over what storage holds, when all of it is
      // readable (otherwise they wait, untouched, until the user has chosen what to do with it).
      const restoring =
        closing.saves.length > 0 && (saved.kind === 'empty' || (saved.kind === 'loaded' && !saved.held));
      const restored = restoring
        ? restoreClosingSaves(saved.kind === 'loaded' ? saved.state : null, closing.saves)
        : null;
      if (restored) {
        loadLibrary(restored.state.library, restored.state.activeId);
        applySavedUi(restored.state.ui);
        reportRestoreConflicts(restored.conflicts);
      }
      if (saved.kind === 'loaded') {
        if (!restored) {
          loadLibrary(saved.state.library, saved.state.activeId);
          applySavedUi(saved.state.ui);
        }
        base = { revision: saved.revision, library: saved.state.library, text: saved.text };
        store.getState().setRepairedIds(saved.repaired);
        if (saved.held) {
          holdSave({
            held: saved.held,
            onOpening: true,
            opened: saved.state.library.map((entry) => entry.scenario.name),
            notOpened: saved.dropped,
          });
        }
      } else if (!restored) {
        // Shipped data is validated when it loads (parseShippedScenario): no second pass here.
        loadLibrary([{ id: 'scenario-1', scenario: fallback }], 'scenario-1');
        if (saved.kind === 'unreadable') {
          holdSave({ held: saved.held, onOpening: true, opened: [], notOpened: [] });
        } else if (saved.kind === 'storage-error') {
          setLoadNotice({ kind: 'storage-error', message: saved.message });
        } else if (saved.kind === 'no-answer') {
          setLoadNotice({ kind: 'saving-off', message: saved.message });
        }
      }
      if (saved.kind !== 'storage-error' && saved.kind !== 'no-answer') setUnreadableCopies(saved.copies);
      // After subscribing, so the shared scenario is saved with the library.
      if (saved.kind !== 'no-answer') {
        stop = startSaving(base, {
          keys: restoring ? closing.keys : [],
          restored: restored !== null,
          keptOver: restored?.conflictIds ?? [],
        });
      }
      openShareLinkInAddress();
      setStatus({ kind: 'ready' });
    }

    boot().catch((error: unknown) => {
      if (!cancelled)
        setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [queryClient]);

  return status;
}
