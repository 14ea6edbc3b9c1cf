import { useId, useState } from 'react';
import { useFieldEditGroup } from './edit-group';
import { FieldError } from './field-error';

export type TextFieldProps = {
  label: string;
  value: string;
  /** Returns a message when the value is refused (empty id, duplicate…); the typed text stays on screen. */
  onCommit: (value: string) => string | null;
  hideLabel?: boolean;
  required?: boolean;
  /** A line under the field saying what to type (or what empty means). */
  hint?: string;
  testId?: string;
  /**
   * Wrap a long value onto more lines instead of cutting it at the field's edge (a name in a narrow column). The
   * value is still one line: Enter is ignored and a pasted line break becomes a space.
   */
  wrap?: boolean;
};

/**
 * A labelled text input that commits each valid value and shows a refusal next to the field. The commits of one
 * burst of typing make one undo step (`EditGroupContext`).
 */
export function TextField({
  label,
  value,
  onCommit,
  hideLabel = false,
  required = false,
  hint,
  testId,
  wrap = false,
}: TextFieldProps) {
  const id = useId();
  const inEditGroup = useFieldEditGroup();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [syncedValue, setSyncedValue] = useState(value);

  // Follow outside changes (undo, redo, import) unless the box already says the new value.
  if (value !== syncedValue) {
    setSyncedValue(value);
    if (text !== value) {
      setText(value);
      setError(null);
    }
  }

  function handleChange(next: string) {
    setText(next);
    if (required && next.trim() === '') {
      setError('is required');
      return;
    }
    setError(inEditGroup(() => onCommit(next)));
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {wrap ? (
        <textarea
          id={id}
          rows={1}
          className="field__wrapped"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
          onChange={(event) => handleChange(event.target.value.replace(/\s*[\r\n]+\s*/g, ' '))}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          onChange={(event) => handleChange(event.target.value)}
        />
      )}
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && <FieldError id={errorId} label={label} message={error} />}
    </div>
  );
}
