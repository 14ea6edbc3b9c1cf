import { useId, useState } from 'react';
import type { z } from 'zod';

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

function parseTyped(text: string, percent: boolean): number {
  const typed = Number(text.trim().replaceAll(',', ''));
  return percent ? typed / 100 : typed;
}

function toText(value: number, percent: boolean): string {
  return String(percent ? Number((value * 100).toPrecision(12)) : value);
}

/**
 * A labelled number input that validates as the user types: valid values commit at once, invalid ones keep
 * the typed text on screen with a message next to the field, and the last valid value stays in the scenario.
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
  const [text, setText] = useState(() => toText(value, percent));
  const [error, setError] = useState<string | null>(null);
  const [syncedValue, setSyncedValue] = useState(value);

  // Follow outside changes (undo, redo, import): replace the text unless it already says the new value.
  if (value !== syncedValue) {
    setSyncedValue(value);
    if (parseTyped(text, percent) !== value) {
      setText(toText(value, percent));
      setError(null);
    }
  }

  function handleChange(next: string) {
    setText(next);
    const trimmed = next.trim().replaceAll(',', '');
    if (trimmed === '') {
      setError('is required');
      return;
    }
    const typed = Number(trimmed);
    if (!Number.isFinite(typed)) {
      setError('must be a number');
      return;
    }
    const candidate = percent ? typed / 100 : typed;
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'is not valid';
      setError(percent ? message.replace('between 0 and 1', 'between 0 and 100 %') : message);
      return;
    }
    const refused = onCommit(parsed.data);
    setError(refused);
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
