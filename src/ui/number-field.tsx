import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ValueRange } from '../domain/scenario-schema';
import {
  formatFieldMoney,
  formatFieldNumber,
  formatFieldPrice,
  parseTypedNumber,
} from '../format/parse-number';
import { useFieldEditGroup } from './edit-group';
import { formatRange, widenRange } from './range-text';
import { FieldError } from './field-error';

/**
 * The range of a likely value: a value typed outside it widens it (in the same undo step as the value) and the
 * field says so, instead of refusing the value.
 */
export type LikelyRange = {
  range: ValueRange | null;
  /** Sets the widened range; returns a message when the scenario refuses it. */
  onRangeCommit: (range: ValueRange) => string | null;
  /** How a value reads in the notice (money fields pass `formatMoney`). */
  formatValue?: (value: number) => string;
};

export type NumberFieldProps = {
  label: string;
  value: number;
  /**
   * The field's own rule (a zod number schema from the scenario schema, or a narrower one). A value that
   * fails it stays in the box with its message and never reaches the store.
   */
  schema: z.ZodType<number>;
  /** Called with each valid value; returns a message when the whole scenario refuses it. */
  onCommit: (value: number) => string | null;
  unit?: string;
  /** Shown to people as a fraction (0.25) but typed as a percentage (25)? */
  percent?: boolean;
  step?: number;
  hint?: string;
  hideLabel?: boolean;
  testId?: string;
  /** Thousands separators once the field is left (2,000,000); off for identifiers such as a seed. */
  grouping?: boolean;
  /**
   * Money, shown with its cents once the field is left: an `amount` when it has a fraction (350.4 reads "350.40",
   * 80000 "80,000"), a `price` always (1 reads "1.00", beside a "0.10").
   */
  money?: FieldMoney | undefined;
  /** The likely value's range, widened to take a value typed outside it. */
  likelyRange?: LikelyRange;
  /** Told whether the text in the field is a valid value (false while its message shows), as that changes. */
  onValidityChange?: (valid: boolean) => void;
  /** A remark on a value the field takes, said beside it (a growth rate steep enough to check); null for none. */
  remarkOn?: ((value: number) => string | null) | undefined;
};

/** What the typed text says: a valid value, or the message next to the field. */
export type TypedCheck = { ok: true; value: number } | { ok: false; message: string; value: number | null };

/** Reads typed text against the field's own rule (a percentage typed as 25 is the fraction 0.25). */
export function checkTyped(text: string, percent: boolean, schema: z.ZodType<number>): TypedCheck {
  const read = parseTypedNumber(text, { percent });
  if (!read.ok) {
    const message =
      percent && read.reason === 'not-a-number' ? 'must be a percentage (such as 25 or 12.5)' : read.message;
    return { ok: false, message, value: null };
  }
  const typed = read.value;
  const candidate = percent ? typed / 100 : typed;
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'is not valid';
    return {
      ok: false,
      message: percent ? message.replace('between 0 and 1', 'between 0 and 100 %') : message,
      value: candidate,
    };
  }
  return { ok: true, value: parsed.data };
}

/**
 * A percentage typed below 1 (0.25) is read as typed, a quarter of one per cent: said beside the field, since a
 * spreadsheet's fraction for a quarter is also 0.25. Null for any other value.
 */
export function describeSmallPercent(fraction: number, percent: boolean): string | null {
  if (!percent || fraction <= 0 || fraction >= 0.01) return null;
  const share = formatFieldNumber(fraction * 10_000);
  return `Read as ${formatFieldNumber(fraction * 100)} %; for ${share} %, type ${share}`;
}

function isSameRange(a: ValueRange, b: ValueRange): boolean {
  return a.low === b.low && a.high === b.high;
}

/** How the field shows a value when it is not being typed in. */
export type FieldMoney = 'amount' | 'price';

type Shown = { percent: boolean; grouping: boolean; money: FieldMoney | undefined };

function toText(value: number, { percent, grouping, money }: Shown): string {
  const shown = percent ? Number((value * 100).toPrecision(12)) : value;
  if (!grouping) return String(shown);
  if (money === 'price') return formatFieldPrice(shown);
  return money === 'amount' ? formatFieldMoney(shown) : formatFieldNumber(shown);
}

/**
 * A labelled number input that validates as the user types: valid values commit at once, invalid ones keep
 * the typed text on screen with a message next to the field, and the scenario keeps the value from before typing
 * began (a refused "150" does not leave the "15" typed on the way in the plan).
 * The commits of one burst of typing make one undo step (through `EditGroupContext`, which the app fills with
 * the store's `withEditGroup`).
 */
export function NumberField({
  label,
  value,
  schema,
  onCommit,
  unit,
  percent = false,
  step,
  hint,
  hideLabel = false,
  testId,
  grouping = true,
  money,
  likelyRange,
  onValidityChange,
  remarkOn,
}: NumberFieldProps) {
  const id = useId();
  const shown: Shown = { percent, grouping, money };
  const inEditGroup = useFieldEditGroup();
  const [text, setText] = useState(() => toText(value, shown));
  const [error, setError] = useState<string | null>(null);
  const isValid = error === null;
  useEffect(() => onValidityChange?.(isValid), [isValid, onValidityChange]);
  const [notice, setNotice] = useState<string | null>(null);
  const [syncedValue, setSyncedValue] = useState(value);
  // The range as it stood when typing began (as `valueBeforeTyping` below): each keystroke widens that range, not
  // one an earlier keystroke widened ("1", "15", … "150000" ends at the range that takes 150,000, not at one
  // reaching down to 1), and a refused text puts it back.
  const rangeBeforeTyping = useRef<ValueRange | null>(null);
  // The value when typing began (null out of the field): a text the field refuses puts it back, so that the
  // keystrokes on the way to a refused "150" (1, then 15) do not leave the plan changed while the message says
  // nothing was taken. Typing begins on entering the field and again on emptying it (the value typed before is
  // then the one to keep); an outside change while in the field (undo) is the new starting value.
  const [valueBeforeTyping, setValueBeforeTyping] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Entering the field rewrites 6,000,000 as 6000000; the whole number is then selected, so that typing replaces
  // it as in a spreadsheet cell rather than landing wherever the rewrite left the caret.
  const selectAfterFocus = useRef(false);
  useLayoutEffect(() => {
    if (!selectAfterFocus.current) return;
    selectAfterFocus.current = false;
    if (document.activeElement === inputRef.current) inputRef.current?.select();
  });

  // Follow outside changes (undo, redo, import, another field). When the text already says the new value it
  // stays as typed ("2.50" is not rewritten to "2.5"): a refusal of that value is then stale, since the store
  // holds it now, but the field's own rule still speaks (a narrower rule than the scenario's keeps its
  // message). Any other text is replaced by the new value and loses its message.
  if (value !== syncedValue) {
    setSyncedValue(value);
    const typed = checkTyped(text, percent, schema);
    if (typed.value === value) setError(typed.ok ? null : typed.message);
    else {
      setText(toText(value, shown));
      setError(null);
      setNotice(null);
      if (valueBeforeTyping !== null) setValueBeforeTyping(value);
    }
  }

  /**
   * Commits a valid value, widening the likely range when the value lies outside it: first to take both the
   * store's likely value and the new one (so each step is a valid scenario), then, with the value in, to the
   * range from before typing began widened to the value.
   */
  function commit(next: number): string | null {
    const current = likelyRange?.range;
    if (!likelyRange || !current) {
      const refused = onCommit(next);
      if (refused) setNotice(null);
      else sayNotices(describeTaken(next));
      return refused;
    }
    const base = rangeBeforeTyping.current ?? current;
    const widened = widenRange(base, next);
    const holding = widenRange(current, next);
    const steps: (() => string | null)[] = [
      () => (isSameRange(holding, current) ? null : likelyRange.onRangeCommit(holding)),
      () => onCommit(next),
      () => (isSameRange(widened, holding) ? null : likelyRange.onRangeCommit(widened)),
    ];
    for (const step of steps) {
      const refused = step();
      if (refused) {
        setNotice(null);
        return refused;
      }
    }
    sayNotices([
      isSameRange(widened, base)
        ? null
        : `Range widened to ${formatRange(widened, percent, likelyRange.formatValue)} to take it (Ctrl+Z undoes)`,
      ...describeTaken(next),
    ]);
    return null;
  }

  /** What the field says of a value it took, its range aside: a percentage read as typed, the caller's remark. */
  function describeTaken(next: number): (string | null)[] {
    return [describeSmallPercent(next, percent), remarkOn?.(next) ?? null];
  }

  /** Shows each notice that applies beside the field, one after another; none clears it. */
  function sayNotices(notices: readonly (string | null)[]) {
    const said = notices.filter((notice) => notice !== null);
    setNotice(said.length > 0 ? said.join('. ') : null);
  }

  /**
   * Puts back the value (and likely range) from before typing began, when keystrokes since have changed them, in
   * the same undo step as they were: the field refuses its text, and a refused text changes nothing.
   */
  function restoreValueBeforeTyping(before: number | null) {
    const rangeBefore = rangeBeforeTyping.current;
    setNotice(null);
    if (before === null) return;
    inEditGroup(() => {
      if (before !== value) {
        setSyncedValue(before);
        onCommit(before);
      }
      const range = likelyRange?.range;
      if (likelyRange && rangeBefore && range && !isSameRange(range, rangeBefore))
        likelyRange.onRangeCommit(rangeBefore);
    });
  }

  function handleChange(next: string) {
    setText(next);
    let before = valueBeforeTyping;
    if (before !== null && next.trim() === '') {
      before = value;
      setValueBeforeTyping(value);
      rangeBeforeTyping.current = likelyRange?.range ?? null;
    }
    const typed = checkTyped(next, percent, schema);
    if (!typed.ok) {
      setError(typed.message);
      restoreValueBeforeTyping(before);
      return;
    }
    const refused = inEditGroup(() => commit(typed.value));
    setError(refused);
    if (refused) restoreValueBeforeTyping(before);
  }

  /** Entering the field shows the bare number (6,000,000 → 6000000), ready to edit like a spreadsheet cell. */
  function handleFocus() {
    rangeBeforeTyping.current = likelyRange?.range ?? null;
    setValueBeforeTyping(value);
    setNotice(null);
    const typed = checkTyped(text, percent, schema);
    const bare = toText(value, { ...shown, grouping: false });
    if (typed.ok && typed.value === value && bare !== text) {
      selectAfterFocus.current = true;
      setText(bare);
    }
  }

  /** Leaving the field shows the value with separators (6000000 → 6,000,000) unless the text is refused. */
  function handleBlur() {
    rangeBeforeTyping.current = null;
    setValueBeforeTyping(null);
    const typed = checkTyped(text, percent, schema);
    if (typed.ok && typed.value === value) setText(toText(value, shown));
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const noticeId = `${id}-notice`;
  const describedBy =
    [error ? errorId : null, notice ? noticeId : null, hint ? hintId : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      <div className="field__control">
        <input
          ref={inputRef}
          id={id}
          type="text"
          inputMode="decimal"
          value={text}
          step={step}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          onChange={(event) => handleChange(event.target.value)}
          onFocus={handleFocus}
          onBlur={handleBlur}
        />
        {(unit || percent) && <span className="field__unit">{percent ? '%' : unit}</span>}
      </div>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {notice && (
        <span id={noticeId} className="field__notice" role="status">
          {notice}
        </span>
      )}
      {error && <FieldError id={errorId} label={label} message={error} />}
    </div>
  );
}
