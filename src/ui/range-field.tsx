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

/**
 * The range marker ("range 5–12%") and the toggle that adds a range (starting at the likely value ±20 %,
 * inside the field's limits) or removes it. After adding, focus moves to the range's Low input.
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
}: FieldFacts & RangeProps & { editorId: string }) {
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
    if (!refused && !range) focusLow.current = true;
  }

  return (
    <div className="range-toggle">
      {range && (
        <span className="range-marker" data-range-marker="">
          <span className="visually-hidden">{label}: </span>
          <span className="range-marker__word">range </span>
          {formatRange(range, percent, formatValue)}
        </span>
      )}
      <button
        type="button"
        className="range-toggle__button"
        aria-pressed={range !== null}
        aria-expanded={range !== null}
        aria-controls={range ? editorId : undefined}
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
 * High inputs while it has a range. Used in forms; tables compose `RangeToggle` and `RangeEditor` themselves
 * to keep the range inputs under their column.
 */
export function RangeField({
  range,
  onRangeCommit,
  formatValue,
  onCommit,
  ...field
}: NumberFieldProps & RangeProps) {
  const editorId = useId();
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
        {...(formatValue ? { formatValue } : {})}
      />
      {range && (
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
