import { measureElement, observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Scenario, Slice } from '../../domain/scenario-schema';
import {
  addSlice,
  copySliceRoutes,
  duplicateSlice,
  moveSlice,
  removeSlice,
  renameSlice,
  setSliceRange,
  updateSlice,
} from '../../state/scenario-edits';
import { useFiguresScenario } from '../../state/figures';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { formatIssue } from '../../domain/validate-scenario';
import type { EditResult } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { describeCachingNotes } from './caching-notes-text';
import { makeNewSlice } from './new-slice';
import { describeSlice, SLICE_COLUMNS, SliceRow } from './slice-row';
import type { SliceRowActions } from './slice-row';
import { PasteRows } from './paste-rows';
import { TrafficShares } from './traffic-shares';
import { useStableKeys } from './use-stable-keys';
import './traffic.css';
import { UndoNotice } from '../../ui/undo-notice';
import type { UndoableStatus } from '../../ui/undo-notice';
import { observeWithFallbackHeight } from '../../ui/fallback-rect';

type Status = UndoableStatus;

/**
 * Above this many slices the table scrolls in its own box and only the slices in view (and a few either side)
 * are in the page: a 200-slice table would otherwise hold 26,000 elements, and every edit would lay them out.
 */
export const VIRTUAL_SLICES_ABOVE = 40;
/** A slice's rows (fields, then notes and actions) before they are measured. */
const SLICE_GROUP_ESTIMATE_PX = 112;
/** The header row above the slices, inside the scroll box. */
const SLICE_HEADER_PX = 56;
/** The scroll box's height where the page has no layout yet (tests, a hidden tab). */
const SLICE_VIEWPORT_FALLBACK_PX = 720;

/** After a move, add or remove, where keyboard focus goes once the table has re-rendered. */
type FocusTarget = { sliceId: string; actions: string[]; scrolled?: boolean } | { undo: true };

function listIssues(result: EditResult): string {
  return result.ok ? '' : result.issues.map(formatIssue).join('; ');
}

/** A field's edit of slice `index`. A new name may move an id made from the name (`renameSlice`). */
function patchSlice(scenario: Scenario, index: number, patch: Partial<Slice>): Scenario {
  const renamed =
    patch.name !== undefined && patch.id === undefined ? renameSlice(scenario, index, patch.name) : scenario;
  const current = renamed.traffic[index];
  return current ? updateSlice(renamed, index, { ...current, ...patch }) : renamed;
}

function setSliceNotes(scenario: Scenario, index: number, notes: string): Scenario {
  const current = scenario.traffic[index];
  if (!current) return scenario;
  const next: Slice = { ...current, notes };
  if (notes === '') delete next.notes;
  return updateSlice(scenario, index, next);
}

/**
 * A new slice at the end. Strategies without a fallback must route every slice, so in those the new slice
 * starts on the first slice's route; elsewhere it uses the strategy's fallback.
 */
function appendSlice(scenario: Scenario, slice = makeNewSlice(scenario.traffic.map((s) => s.id))): Scenario {
  const next = addSlice(scenario, slice);
  const first = scenario.traffic[0];
  return first
    ? copySliceRoutes(
        next,
        first.id,
        slice.id,
        (strategy) => !('fallback' in strategy) || strategy.fallback === undefined,
      )
    : next;
}

/** A copy right after the original, routed like it in every strategy. */
function duplicateWithRoutes(scenario: Scenario, index: number): Scenario {
  const original = scenario.traffic[index];
  const next = duplicateSlice(scenario, index);
  const copy = next.traffic[index + 1];
  return original && copy ? copySliceRoutes(next, original.id, copy.id) : next;
}

/** Where the slice table scrolls in a box of its own, up and down as well as sideways (traffic.css). */
const BOXED_TABLE = '(min-width: 641px) and (max-width: 1279.98px)';

/**
 * When a field in the boxed slice table takes focus, the page is scrolled, if need be, so that the box's top (with
 * the column names held there) is clear of the pinned summary: the box is no taller than the screen under it, so
 * the field the box has scrolled into view stays in view. The browser's own scrolling to the field comes first.
 */
function keepBoxUnderSummary(event: FocusEvent<HTMLDivElement>) {
  if (typeof window.matchMedia !== 'function' || !window.matchMedia(BOXED_TABLE).matches) return;
  const box = event.currentTarget;
  requestAnimationFrame(() => {
    const summaryBottom = document.querySelector('.summary')?.getBoundingClientRect().bottom ?? 0;
    const gap = box.getBoundingClientRect().top - Math.max(0, summaryBottom);
    if (gap < 0) window.scrollBy(0, gap);
  });
}

/** The traffic mix: every slice's volume, tokens, caching, batch, quality bar and growth, and where it goes. */
export function TrafficPanel() {
  const scenario = useScenario();
  const [edit, undo] = usePlannerStore(useShallow((s) => [s.edit, s.undo]));
  const traffic = scenario.traffic;
  const keys = useStableKeys(traffic.map((slice) => slice.id));
  // Notes follow the figures: they resolve every strategy's routes, which an edit need not wait for.
  const figures = useFiguresScenario();
  const cachingNotes = useMemo(() => describeCachingNotes(figures), [figures]);
  const [status, setStatus] = useState<Status>(null);
  const [isPasting, setPasting] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const focusTarget = useRef<FocusTarget | null>(null);
  const isVirtual = traffic.length > VIRTUAL_SLICES_ABOVE;
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; the virtualiser re-renders its table itself.
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableSectionElement>({
    count: isVirtual ? traffic.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => SLICE_GROUP_ESTIMATE_PX,
    overscan: 6,
    paddingStart: SLICE_HEADER_PX,
    scrollPaddingStart: SLICE_HEADER_PX,
    initialRect: { width: 0, height: SLICE_VIEWPORT_FALLBACK_PX },
    observeElementRect: observeWithFallbackHeight(observeElementRect, SLICE_VIEWPORT_FALLBACK_PX),
    // Where nothing is laid out (tests, a hidden tab) a slice measures 0: it keeps its estimate.
    measureElement: (element, entry, instance) =>
      measureElement(element, entry, instance) || SLICE_GROUP_ESTIMATE_PX,
  });

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    if ('undo' in target) {
      undoRef.current?.focus();
      return;
    }
    const rows = tableRef.current?.querySelectorAll<HTMLElement>('[data-slice-row]') ?? [];
    const row = [...rows].find((element) => element.dataset['sliceId'] === target.sliceId);
    if (!row && isVirtual && !target.scrolled) {
      // Out of view in a long table: bring it in, and focus it once it is drawn.
      const index = traffic.findIndex((slice) => slice.id === target.sliceId);
      if (index >= 0) {
        focusTarget.current = { ...target, scrolled: true };
        virtualizer.scrollToIndex(index, { align: 'auto' });
        return;
      }
    }
    for (const action of target.actions) {
      const element = row?.querySelector<HTMLElement>(`[data-action="${action}"]`);
      const focusable =
        element instanceof HTMLButtonElement
          ? element
          : element?.querySelector<HTMLElement>('input, textarea');
      if (focusable && !(focusable instanceof HTMLButtonElement && focusable.disabled)) {
        focusable.focus();
        // A new or copied slice's name is selected, so that typing replaces "New slice" rather than joining it.
        if (focusable instanceof HTMLInputElement || focusable instanceof HTMLTextAreaElement)
          focusable.select();
        return;
      }
    }
  });

  // One actions object for the panel's life: rows are memoised, and new callbacks would re-render all of them.
  // The slices are read from the store when an action runs, so the callbacks need not change with them.
  const actions = useMemo<SliceRowActions>(() => {
    const currentTraffic = () => usePlannerStore.getState().scenario?.traffic ?? [];
    return {
      editSlice: (index, patch) =>
        describeRefusal(
          edit((s) => patchSlice(s, index, patch)),
          `traffic[${index}]`,
        ),
      setNotes: (index, notes) => describeRefusal(edit((s) => setSliceNotes(s, index, notes))),
      setRange: (index, field, range) => describeRefusal(edit((s) => setSliceRange(s, index, field, range))),
      move: (index, direction) => {
        const traffic = currentTraffic();
        const slice = traffic[index];
        const to = direction === 'up' ? index - 1 : index + 1;
        if (!slice || to < 0 || to >= traffic.length) return;
        const result = edit((s) => moveSlice(s, index, to));
        if (!result.ok) {
          setStatus({
            text: `Could not move ${describeSlice(slice)}: ${listIssues(result)}`,
            undoable: false,
          });
          return;
        }
        focusTarget.current = {
          sliceId: slice.id,
          actions: direction === 'up' ? ['up', 'down'] : ['down', 'up'],
        };
        setStatus({
          text: `Moved ${describeSlice(slice)} to position ${to + 1} of ${traffic.length}.`,
          undoable: false,
        });
      },
      duplicate: (index) => {
        const slice = currentTraffic()[index];
        if (!slice) return;
        const result = edit((s) => duplicateWithRoutes(s, index));
        if (!result.ok) {
          setStatus({
            text: `Could not duplicate ${describeSlice(slice)}: ${listIssues(result)}`,
            undoable: false,
          });
          return;
        }
        const copy = usePlannerStore.getState().scenario?.traffic[index + 1];
        if (copy) focusTarget.current = { sliceId: copy.id, actions: ['name'] };
        setStatus({
          text: `Added ${copy ? describeSlice(copy) : 'a copy'}, routed like ${describeSlice(slice)} in every strategy.`,
          undoable: false,
        });
      },
      remove: (index) => {
        const slice = currentTraffic()[index];
        if (!slice) return;
        const result = edit((s) => removeSlice(s, index));
        if (!result.ok) {
          setStatus({
            text: `Could not remove ${describeSlice(slice)}: ${listIssues(result)}`,
            undoable: false,
          });
          return;
        }
        focusTarget.current = { undo: true };
        setStatus({
          text: `Removed ${describeSlice(slice)} and its routes. You can undo this.`,
          undoable: true,
        });
      },
    };
  }, [edit]);

  const shown = listShownSlices(traffic.length, isVirtual ? virtualizer : null);

  function addPasted(slices: Slice[]): string | null {
    const result = edit((s) => slices.reduce((next, slice) => appendSlice(next, slice), s));
    if (!result.ok) return listIssues(result);
    setStatus({
      text: `Added ${slices.length} pasted slice${slices.length === 1 ? '' : 's'} at the end.`,
      undoable: true,
    });
    return null;
  }

  function add() {
    const result = edit((s) => appendSlice(s));
    if (!result.ok) {
      setStatus({ text: `Could not add a slice: ${listIssues(result)}`, undoable: false });
      return;
    }
    const added = usePlannerStore.getState().scenario?.traffic.at(-1);
    if (added) focusTarget.current = { sliceId: added.id, actions: ['name'] };
    setStatus({ text: `Added ${added ? describeSlice(added) : 'a slice'} at the end.`, undoable: false });
  }

  return (
    <div className="traffic">
      <div className="section-head">
        <div>
          <h2>Traffic mix</h2>
          <p className="muted traffic__intro">
            Each slice is one kind of request: how many a month, their tokens per request, how much of the
            prompt is a cacheable prefix and how often it hits, how much can wait for batch, the quality a
            model must score, reasoning tokens a reasoning model spends, and monthly growth; under them, how
            long a cache write lives and the regions its data may be served from. Edits apply as you type.
            Unsure of a figure? Give it a low / high range with “± range” under it: the Uncertainty screen
            shows what the ranges do.
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button button--primary" onClick={add}>
            Add slice
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={isPasting}
            onClick={() => setPasting(!isPasting)}
          >
            Paste rows
          </button>
        </div>
      </div>
      {isPasting && (
        <PasteRows
          takenIds={traffic.map((slice) => slice.id)}
          defaults={makeNewSlice([])}
          onAdd={addPasted}
          onClose={() => setPasting(false)}
        />
      )}
      <div className="traffic__status" role="status">
        {!status && (
          <p className="muted traffic__hint">
            Use ↑ and ↓ to reorder slices. Removing a slice also removes its routes, and can be undone.
          </p>
        )}
        {status && (
          <UndoNotice
            status={status}
            onUndo={undo}
            onStatus={setStatus}
            undoRef={undoRef}
            className="traffic__status-text"
          />
        )}
      </div>
      {traffic.length === 0 ? (
        <p className="muted">No traffic slices. Add one to start.</p>
      ) : (
        <div
          className={`table-scroll slice-table-scroll${isVirtual ? ' slice-table-scroll--virtual' : ''}`}
          ref={scrollRef}
          {...(isVirtual
            ? {
                role: 'region',
                'aria-label': `Traffic slices, ${traffic.length}: scroll to see them all`,
                tabIndex: 0,
              }
            : { onFocus: keepBoxUnderSummary })}
        >
          <table className="data-table slice-table floating-errors" ref={tableRef}>
            <caption className="visually-hidden">
              Traffic slices, one per group of rows: fields, then notes and actions
              {isVirtual ? `; ${traffic.length} slices, drawn as they scroll into view` : ''}
            </caption>
            <colgroup>
              <col className="slice-table__col-move" />
              <col className="slice-table__col-name" />
              {SLICE_COLUMNS.map((column) => (
                <col key={column.field} className={`slice-table__col-${column.field}`} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Order</span>
                </th>
                <th scope="col">Name</th>
                {SLICE_COLUMNS.map((column) => (
                  <th key={column.field} scope="col" className="num">
                    {column.header}
                    <span className="th-sub">
                      {column.subHeader}
                      {column.percent ? ', %' : ''}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            {shown.before > 0 && <SpacerGroup height={shown.before} />}
            {shown.indexes.map((index) => {
              const slice = traffic[index]!;
              return (
                <SliceRow
                  key={keys[index] ?? index}
                  slice={slice}
                  index={index}
                  count={traffic.length}
                  actions={actions}
                  cachingNotes={cachingNotes.get(slice.id) ?? []}
                  measureRef={isVirtual ? virtualizer.measureElement : undefined}
                />
              );
            })}
            {shown.after > 0 && <SpacerGroup height={shown.after} />}
          </table>
        </div>
      )}
      <TrafficShares />
    </div>
  );
}

/**
 * The slices drawn: all of them, or in a virtualised table those in view and a few either side, with the
 * heights the slices out of view above and below stand for.
 */
function listShownSlices(
  count: number,
  virtualizer: Virtualizer<HTMLDivElement, HTMLTableSectionElement> | null,
): { indexes: number[]; before: number; after: number } {
  if (!virtualizer) return { indexes: Array.from({ length: count }, (_, i) => i), before: 0, after: 0 };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return { indexes: [], before: 0, after: 0 };
  return {
    indexes: items.map((item) => item.index),
    before: first.start - SLICE_HEADER_PX,
    after: Math.max(0, virtualizer.getTotalSize() - last.end),
  };
}

/** Rows that stand for `height` pixels of slices out of view. */
function SpacerGroup({ height }: { height: number }) {
  return (
    <tbody aria-hidden="true" className="slice-table__spacer">
      <tr style={{ height }}>
        <td colSpan={SLICE_COLUMNS.length + 2} />
      </tr>
    </tbody>
  );
}
