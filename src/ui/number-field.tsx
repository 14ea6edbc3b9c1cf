import { useContext, useId, useState } from 'react';
import type { z } from 'zod';
import { EditGroupContext } from './edit-group';

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
};

/** What the typed text says: a valid value, or the message next to the field. */
type TypedCheck = { ok: true; value: number } | { ok: false; message: string; value: number | null };

/** Reads typed text against the field's own rule (a percentage typed as 25 is the fraction 0.25). */
function checkTyped(text: string, percent: boolean, schema: z.ZodType<number>): TypedCheck {
  const trimmed = text.trim().replaceAll(',', '');
  if (trimmed === '') return { ok: false, message: 'is required', value: null };
  const typed = Number(trimmed);
  if (!Number.isFinite(typed)) return { ok: false, message: 'must be a number', value: null };
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

function toText(value: number, percent: boolean): string {
  return String(percent ? Number((value * 100).toPrecision(12)) : value);
}

/**
 * A labelled number input that validates as the user types: valid values commit at once, invalid ones keep
 * the typed text on screen with a message next to the field, and the last valid value stays in the scenario.
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
}: NumberFieldProps) {
  const id = useId();
  const runInEditGroup = useContext(EditGroupContext);
  const [text, setText] = useState(() => toText(value, percent));
  const [error, setError] = useState<string | null>(null);
  const [syncedValue, setSyncedValue] = useState(value);

  // Follow outside changes (undo, redo, import, another field). When the text already says the new value it
  // stays as typed ("2.50" is not rewritten to "2.5"): a refusal of that value is then stale, since the store
  // holds it now, but the field's own rule still speaks (a narrower rule than the scenario's keeps its
  // message). Any other text is replaced by the new value and loses its message.
  if (value !== syncedValue) {
    setSyncedValue(value);
    const typed = checkTyped(text, percent, schema);
    if (typed.value === value) setError(typed.ok ? null : typed.message);
    else {
      setText(toText(value, percent));
      setError(null);
    }
  }

  function handleChange(next: string) {
    setText(next);
    const typed = checkTyped(next, percent, schema);
    if (!typed.ok) {
      setError(typed.message);
      return;
    }
    setError(runInEditGroup(`number-field:${id}`, () => onCommit(typed.value)));
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      <div className="field__control">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={text}
          step={step}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          onChange={(event) => handleChange(event.target.value)}
        />
        {(unit || percent) && <span className="field__unit">{percent ? '%' : unit}</span>}
      </div>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error" role="alert">
          {label} {error}
        </span>
      )}
    </div>
  );
}
