import { memo, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { sliceSchema } from '../../domain/scenario-schema';
import { describeSteepGrowth } from '../../format/format';
import type { Slice, SliceRangeField, ValueRange } from '../../domain/scenario-schema';
import { useFieldEditGroup } from '../../ui/edit-group';
import { NumberField } from '../../ui/number-field';
import { RangeEditor, RangeToggle, useRangeOpenings } from '../../ui/range-field';
import { TextField } from '../../ui/text-field';
import type { CachingNote } from './caching-notes-text';
import { FieldError } from '../../ui/field-error';

/** Every numeric field of a slice; each may carry a range. */
export type NumericSliceField = SliceRangeField;

export type SliceColumn = {
  field: NumericSliceField;
  header: string;
  subHeader: string;
  /** The accessible name, completed with "for <slice>". */
  label: string;
  schema: z.ZodType<number>;
  percent?: boolean;
  /** A remark on a value the field takes (`NumberField`'s `remarkOn`). */
  remarkOn?: (value: number) => string | null;
};

/** Growth as the user types it (a percentage): the schema's range, with the message in the same unit. */
const growthPercentSchema = z.number().gt(-1, 'must be greater than −100 %');

export const SLICE_COLUMNS: readonly SliceColumn[] = [
  {
    field: 'requestsPerMonth',
    header: 'Requests',
    subHeader: 'per month',
    label: 'Requests per month',
    schema: sliceSchema.shape.requestsPerMonth,
  },
  {
    field: 'inputTokens',
    header: 'Input',
    subHeader: 'tokens',
    label: 'Input tokens',
    schema: sliceSchema.shape.inputTokens,
  },
  {
    field: 'outputTokens',
    header: 'Output',
    subHeader: 'tokens',
    label: 'Output tokens',
    schema: sliceSchema.shape.outputTokens,
  },
  {
    field: 'cachedPrefixTokens',
    header: 'Cached prefix',
    subHeader: 'tokens',
    label: 'Cached prefix tokens',
    schema: sliceSchema.shape.cachedPrefixTokens,
  },
  {
    field: 'cacheHitRate',
    header: 'Cache hits',
    subHeader: 'of prefixes',
    label: 'Cache hit rate',
    schema: sliceSchema.shape.cacheHitRate,
    percent: true,
  },
  {
    field: 'batchShare',
    header: 'Batched',
    subHeader: 'of requests',
    label: 'Batch share',
    schema: sliceSchema.shape.batchShare,
    percent: true,
  },
  {
    field: 'qualityBar',
    header: 'Quality bar',
    subHeader: 'model score',
    label: 'Quality bar',
    schema: sliceSchema.shape.qualityBar,
  },
  {
    field: 'reasoningTokens',
    header: 'Reasoning',
    subHeader: 'tokens per call',
    label: 'Reasoning tokens per call',
    schema: sliceSchema.shape.reasoningTokens.unwrap(),
  },
  {
    field: 'monthlyGrowth',
    header: 'Growth',
    subHeader: 'per month',
    label: 'Monthly growth',
    schema: growthPercentSchema,
    percent: true,
    remarkOn: describeSteepGrowth,
  },
];

/**
 * Allowed regions as typed: names separated by commas, lower-cased as the catalog writes them ("EU" is "eu");
 * empty means anywhere (null).
 */
export function parseRegions(text: string): string[] | null {
  const regions = text
    .split(',')
    .map((region) => region.trim().toLowerCase())
    .filter((region) => region !== '');
  return regions.length === 0 ? null : [...new Set(regions)];
}

function formatRegions(regions: readonly string[] | null): string {
  return regions === null ? '' : regions.join(', ');
}

function isSameRegions(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return formatRegions(a) === formatRegions(b) && (a === null) === (b === null);
}

/**
 * The slice's allowed regions, typed as a comma-separated list. The text stays as typed ("eu, " while the next
 * name is on its way) and follows the store only when the store holds a different list (undo, import).
 */
function RegionsField({
  who,
  regions,
  onCommit,
}: {
  who: string;
  regions: readonly string[] | null;
  onCommit: (regions: string[] | null) => string | null;
}) {
  const id = useId();
  const inEditGroup = useFieldEditGroup();
  const [text, setText] = useState(() => formatRegions(regions));
  const [synced, setSynced] = useState(regions);
  const [error, setError] = useState<string | null>(null);
  if (regions !== synced) {
    setSynced(regions);
    if (!isSameRegions(parseRegions(text), regions)) {
      setText(formatRegions(regions));
      setError(null);
    }
  }
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field slice-options__regions${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        Allowed regions <span className="visually-hidden">for {who}</span>
      </label>
      <input
        id={id}
        type="text"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => {
          setText(event.target.value);
          const typed = event.target.value;
          setError(inEditGroup(() => onCommit(parseRegions(typed))));
        }}
      />
      <span id={hintId} className="field__hint">
        Comma-separated (eu, eu-west-3); empty means anywhere.
      </span>
      {error && <FieldError id={errorId} label="Allowed regions" message={error} />}
    </div>
  );
}

/** What a row's fields and buttons ask of the table; each edit returns the store's refusal, if any. */
export type SliceRowActions = {
  editSlice: (index: number, patch: Partial<Slice>) => string | null;
  setNotes: (index: number, notes: string) => string | null;
  /** Gives a field a range (low / high around its likely value), or removes it with null. */
  setRange: (index: number, field: NumericSliceField, range: ValueRange | null) => string | null;
  move: (index: number, direction: 'up' | 'down') => void;
  duplicate: (index: number) => void;
  remove: (index: number) => void;
};

/** The name people read in labels and messages: the slice's name, or its id when the name is empty. */
export function describeSlice(slice: Slice): string {
  return slice.name.trim() || slice.id;
}

/** The range of `field`, if the slice gives one. */
function readRange(slice: Slice, field: NumericSliceField): ValueRange | null {
  return slice.ranges?.[field] ?? null;
}

type SliceRowProps = {
  slice: Slice;
  index: number;
  count: number;
  actions: SliceRowActions;
  /** Sentences about the slice's caching on the models its strategies send it to. */
  cachingNotes?: readonly CachingNote[];
  /** In a virtualised table: receives the row group's element, so its height is measured. */
  measureRef?: ((element: HTMLTableSectionElement | null) => void) | undefined;
};

/** The same caching notes, in the same order (the list is made afresh on every edit of the scenario). */
function isSameNotes(a: readonly CachingNote[], b: readonly CachingNote[]): boolean {
  return a.length === b.length && a.every((note, i) => note.kind === b[i]?.kind && note.text === b[i]?.text);
}

/**
 * One slice (see `SliceRowFields`), re-rendered only when its slice object, position, actions or caching notes
 * change: an edit keeps the objects of the slices it does not touch, so typing in one row of two hundred
 * renders that row alone.
 */
export const SliceRow = memo(
  SliceRowFields,
  (before: SliceRowProps, after: SliceRowProps) =>
    before.slice === after.slice &&
    before.index === after.index &&
    before.count === after.count &&
    before.actions === after.actions &&
    before.measureRef === after.measureRef &&
    isSameNotes(before.cachingNotes ?? [], after.cachingNotes ?? []),
);

/**
 * A field's name over its input where the slices are drawn as cards (narrow screens), the column headers being
 * out of view there; hidden from assistive technology, which reads each input's own label.
 */
function CellLabel({ children }: { children: ReactNode }) {
  return (
    <span className="slice-table__cell-label" aria-hidden="true">
      {children}
    </span>
  );
}

/**
 * One slice: its fields on the first row, each with its range marker and toggle; the Low and High of its
 * open ranges under their columns on a second row (only while one is open); its notes and row actions on the
 * last.
 */
function SliceRowFields({ slice, index, count, actions, cachingNotes = [], measureRef }: SliceRowProps) {
  const who = describeSlice(slice);
  const rowId = useId();
  const rangeId = (field: NumericSliceField) => `${rowId}-range-${field}`;
  const openingOf = useRangeOpenings<NumericSliceField>();
  const isOpen = (field: NumericSliceField) => readRange(slice, field) !== null && openingOf(field).open;
  const hasOpenRanges = SLICE_COLUMNS.some((column) => isOpen(column.field));
  return (
    <tbody
      className="slice-group"
      data-slice-row=""
      data-slice-id={slice.id}
      data-index={index}
      ref={measureRef}
    >
      <tr>
        <td className="slice-table__move">
          <div className="slice-move">
            <button
              type="button"
              className="button button--icon"
              aria-label={`Move ${who} up`}
              title="Move up"
              data-action="up"
              disabled={index === 0}
              onClick={() => actions.move(index, 'up')}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="button button--icon"
              aria-label={`Move ${who} down`}
              title="Move down"
              data-action="down"
              disabled={index === count - 1}
              onClick={() => actions.move(index, 'down')}
            >
              <span aria-hidden="true">↓</span>
            </button>
          </div>
        </td>
        <th scope="row" className="slice-table__name" data-action="name">
          <CellLabel>Name</CellLabel>
          <TextField
            label={`Name for ${who}`}
            hideLabel
            wrap
            value={slice.name}
            onCommit={(name) => actions.editSlice(index, { name })}
          />
        </th>
        {SLICE_COLUMNS.map((column) => {
          const range = readRange(slice, column.field);
          const label = `${column.label} for ${who}`;
          const percent = column.percent ?? false;
          return (
            <td
              key={column.field}
              className={`slice-table__number${range ? ' is-ranged' : ''}`}
              data-field={column.field}
            >
              <CellLabel>{column.label}</CellLabel>
              <NumberField
                label={label}
                hideLabel
                value={slice[column.field]}
                schema={column.schema}
                percent={percent}
                onCommit={(value) => actions.editSlice(index, { [column.field]: value })}
                remarkOn={column.remarkOn}
                likelyRange={{ range, onRangeCommit: (next) => actions.setRange(index, column.field, next) }}
              />
              <RangeToggle
                label={label}
                value={slice[column.field]}
                schema={column.schema}
                percent={percent}
                range={range}
                onRangeCommit={(next) => actions.setRange(index, column.field, next)}
                editorId={rangeId(column.field)}
                {...openingOf(column.field)}
              />
            </td>
          );
        })}
      </tr>
      {hasOpenRanges && (
        <tr className="slice-group__ranges">
          <td />
          <td className="slice-ranges__caption">
            <span aria-hidden="true">Range: low / high</span>
          </td>
          {SLICE_COLUMNS.map((column) => {
            const range = readRange(slice, column.field);
            return (
              <td key={column.field} className="slice-table__range">
                {range && isOpen(column.field) && (
                  <>
                    <CellLabel>{column.label}: low / high</CellLabel>
                    <RangeEditor
                      id={rangeId(column.field)}
                      label={`${column.label} for ${who}`}
                      value={slice[column.field]}
                      schema={column.schema}
                      percent={column.percent ?? false}
                      range={range}
                      onRangeCommit={(next) => actions.setRange(index, column.field, next)}
                      showLikely={false}
                    />
                  </>
                )}
              </td>
            );
          })}
        </tr>
      )}
      <tr className="slice-group__options">
        <td />
        <td colSpan={1 + SLICE_COLUMNS.length}>
          <div className="slice-options">
            <div className="slice-options__id">
              <span className="field__label" aria-hidden="true">
                Id
              </span>
              <TextField
                label={`Id for ${who}`}
                hideLabel
                required
                value={slice.id}
                onCommit={(id) => actions.editSlice(index, { id })}
              />
            </div>
            <div className="field slice-options__ttl">
              <label className="field__label" htmlFor={`${rowId}-ttl`}>
                Cache lifetime <span className="visually-hidden">for {who}</span>
              </label>
              <select
                id={`${rowId}-ttl`}
                value={slice.cacheTtl}
                onChange={(event) =>
                  actions.editSlice(index, { cacheTtl: event.target.value === '1h' ? '1h' : '5m' })
                }
              >
                <option value="5m">5 minutes</option>
                <option value="1h">1 hour</option>
              </select>
            </div>
            <RegionsField
              who={who}
              regions={slice.regions}
              onCommit={(regions) => actions.editSlice(index, { regions })}
            />
            {cachingNotes.length > 0 && (
              <ul className="slice-options__notes" aria-label={`Caching notes for ${who}`}>
                {cachingNotes.map((note) => (
                  <li key={note.text} className={`slice-options__note--${note.kind}`}>
                    {note.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </td>
      </tr>
      <tr className="slice-group__notes">
        <td />
        <td colSpan={1 + SLICE_COLUMNS.length - 2}>
          <div className="slice-notes">
            <span className="slice-notes__caption" aria-hidden="true">
              Notes
            </span>
            <TextField
              label={`Notes for ${who}`}
              hideLabel
              value={slice.notes ?? ''}
              onCommit={(notes) => actions.setNotes(index, notes)}
            />
          </div>
        </td>
        <td colSpan={2} className="slice-row-actions">
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Duplicate ${who}`}
            onClick={() => actions.duplicate(index)}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="button button--quiet button--danger"
            data-action="remove"
            aria-label={`Remove ${who}`}
            onClick={() => actions.remove(index)}
          >
            Remove
          </button>
        </td>
      </tr>
    </tbody>
  );
}
