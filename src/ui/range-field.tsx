import { useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ValueRange } from '../domain/scenario-schema';
import { NumberField } from './number-field';
import type { NumberFieldProps } from './number-field';
import { formatRange, formatRangeValue, makeRangeEndSchema, suggestRange } from './range-text';
import type { RangeEnd } from './range-text';
import './range-field.css';

/** What a field needs to carry a range beside its likely value. */
export type RangeProps = {
  /** The field's range, or null when its value is certain. */
  range: ValueRange | null;
  /** Sets (or, with null, removes) the range; returns a message when the scenario refuses it. */
  onRangeCommit: (range: ValueRange | null) => string | null;
  /** How a value reads in the range marker and messages (money fields pass `formatMoney`). */
  formatValue?: (value: number) => string;
};

/** The likely field's own description, shared by the toggle and the editor. */
type FieldFacts = {
  /** The likely field's label ("Monthly growth for Bulk"). */
  label: string;
  value: number;
  schema: z.ZodType<number>;
  percent: boolean;
};

function describeValue(value: number, percent: boolean, formatValue?: (value: number) => string): string {
  return formatValue ? formatValue(value) : formatRangeValue(value, percent);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Whether a range's Low and High are shown, and the call that shows or hides them. */
export type RangeOpening = { open: boolean; onOpenChange: (open: boolean) => void };

/**
 * Which ranges of a form or row have their Low and High open, by key. Every range starts closed, its marker
 * showing its ends; one opens when the user adds it or opens its marker, and closes when they close the marker
 * or remove the range. A range that came with the scenario (a shipped or imported one) stays closed until asked.
 */
export function useRangeOpenings<K extends string>(): (key: K) => RangeOpening {
  const [openKeys, setOpenKeys] = useState<ReadonlySet<K>>(() => new Set());
  return (key) => ({
    open: openKeys.has(key),
    onOpenChange: (open) =>
      setOpenKeys((keys) => {
        if (keys.has(key) === open) return keys;
        const next = new Set(keys);
        if (open) next.add(key);
        else next.delete(key);
        return next;
      }),
  });
}

/**
 * The range marker ("range 5–12%"), which opens and closes the range's Low and High, and the toggle that adds a
 * range (starting at the likely value ±20 %, inside the field's limits, opened) or removes it. After adding,
 * focus moves to the range's Low input.
 */
export function RangeToggle({
  label,
  value,
  schema,
  percent,
  range,
  onRangeCommit,
  formatValue,
  editorId,
  open,
  onOpenChange,
}: FieldFacts & RangeProps & RangeOpening & { editorId: string }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  // Set when a range was just added: once its editor has rendered, focus goes to its Low input.
  const focusLow = useRef(false);
  useEffect(() => {
    if (!focusLow.current || !range) return;
    focusLow.current = false;
    document.getElementById(editorId)?.querySelector<HTMLInputElement>('input')?.focus();
  });

  function toggle() {
    const refused = onRangeCommit(range ? null : suggestRange(value, schema, percent));
    setRefusal(refused);
    if (refused) return;
    onOpenChange(!range);
    if (!range) focusLow.current = true;
  }

  return (
    <div className="range-toggle">
      {range && (
        <button
          type="button"
          className="range-marker"
          data-range-marker=""
          aria-label={`${label}: range ${formatRange(range, percent, formatValue)}`}
          aria-expanded={open}
          aria-controls={open ? editorId : undefined}
          title={open ? 'Hide the low and high' : 'Show the low and high'}
          onClick={() => onOpenChange(!open)}
        >
          <span className="range-marker__word">range </span>
          {formatRange(range, percent, formatValue)}
          <span className="range-marker__chevron" aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
        </button>
      )}
      <button
        type="button"
        className="range-toggle__button"
        aria-pressed={range !== null}
        aria-label={range ? `Remove range from ${label}` : `Add range to ${label}`}
        title={range ? 'Remove the range' : 'Add a low / high range'}
        onClick={toggle}
      >
        {range ? <span aria-hidden="true">✕</span> : <span aria-hidden="true">± range</span>}
      </button>
      {refusal && (
        <span className="field__error range-toggle__error" role="alert">
          {label} range {refusal}
        </span>
      )}
    </div>
  );
}

function RangeEndField({
  end,
  facts,
  range,
  onRangeCommit,
  unit,
  formatValue,
}: {
  end: RangeEnd;
  facts: FieldFacts;
  range: ValueRange;
  onRangeCommit: RangeProps['onRangeCommit'];
  unit: string | undefined;
  formatValue: ((value: number) => string) | undefined;
}) {
  const caption = end === 'low' ? 'Low' : 'High';
  const schema = makeRangeEndSchema(
    facts.schema,
    end,
    facts.value,
    describeValue(facts.value, facts.percent, formatValue),
  );
  return (
    <div className="range-editor__end">
      <span className="range-editor__caption" aria-hidden="true">
        {caption}
      </span>
      <NumberField
        label={`${caption} ${lowerFirst(facts.label)}`}
        hideLabel
        value={range[end]}
        schema={schema}
        percent={facts.percent}
        {...(unit === undefined ? {} : { unit })}
        onCommit={(next) => onRangeCommit({ ...range, [end]: next })}
      />
    </div>
  );
}

/**
 * The Low and High inputs of a ranged field, each validated as it is typed: the field's own rule, and
 * low ≤ likely ≤ high. A valid end commits at once; an invalid one stays on screen with its message.
 */
export function RangeEditor({
  id,
  label,
  value,
  schema,
  percent,
  range,
  onRangeCommit,
  formatValue,
  unit,
  showLikely = false,
}: FieldFacts & {
  id: string;
  range: ValueRange;
  onRangeCommit: RangeProps['onRangeCommit'];
  formatValue?: (value: number) => string;
  /** A unit after each end; percentages show "%" without it. */
  unit?: string;
  /** Show the likely value between Low and High, for an editor placed away from the likely field. */
  showLikely?: boolean;
}) {
  const facts = { label, value, schema, percent };
  const common = { facts, range, onRangeCommit, unit, formatValue };
  return (
    <div
      className="range-editor floating-errors"
      id={id}
      role="group"
      aria-label={`Range of ${lowerFirst(label)}`}
    >
      <RangeEndField end="low" {...common} />
      {showLikely && (
        <span className="range-editor__likely muted">
          likely {describeValue(value, percent, formatValue)}
        </span>
      )}
      <RangeEndField end="high" {...common} />
    </div>
  );
}

/**
 * A number field that may carry a range: the likely value, a marker and toggle below it, and the Low and
 * High inputs while its range is open (see `useRangeOpenings`). Used in forms; tables compose `RangeToggle` and
 * `RangeEditor` themselves to keep the range inputs under their column.
 */
export function RangeField({
  range,
  onRangeCommit,
  formatValue,
  onCommit,
  ...field
}: NumberFieldProps & RangeProps) {
  const editorId = useId();
  const opening = useRangeOpenings<'range'>()('range');
  const percent = field.percent ?? false;
  const facts = { label: field.label, value: field.value, schema: field.schema, percent };
  return (
    <div className={`range-field${range ? ' range-field--ranged' : ''}`}>
      <NumberField
        {...field}
        onCommit={onCommit}
        likelyRange={{ range, onRangeCommit, ...(formatValue ? { formatValue } : {}) }}
      />
      <RangeToggle
        {...facts}
        range={range}
        onRangeCommit={onRangeCommit}
        editorId={editorId}
        {...opening}
        {...(formatValue ? { formatValue } : {})}
      />
      {range && opening.open && (
        <RangeEditor
          id={editorId}
          {...facts}
          range={range}
          onRangeCommit={onRangeCommit}
          {...(formatValue ? { formatValue } : {})}
        />
      )}
    </div>
  );
}
