import { useEffect, useId, useState } from 'react';
import { whenIdle } from './when-idle';

/** A select of more options than this makes them once the page is idle (see `useOptionsWhenIdle`). */
const MANY_OPTIONS = 40;

/**
 * Whether a select of `count` options shows them all yet, and the handlers that make them at once when the select
 * is reached (hovered, pressed or focused, before it can open). A long select (a slice picker of 200 slices) first
 * holds only its chosen option: styling and laying out 200 options made the frame that opens a screen 5–6 ms
 * longer. The rest follow when the page is next idle.
 */
export function useOptionsWhenIdle(count: number) {
  const [allShown, setAllShown] = useState(count <= MANY_OPTIONS);
  useEffect(() => (allShown ? undefined : whenIdle(() => setAllShown(true))), [allShown]);
  const showAll = () => setAllShown(true);
  const reach = allShown
    ? {}
    : { onPointerEnter: showAll, onPointerDown: showAll, onFocus: showAll, onKeyDown: showAll };
  return { allShown, reach };
}

export type SelectFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  className?: string;
  testId?: string;
};

/** A labelled select of plain string options. */
export function SelectField({ label, value, onChange, options, className, testId }: SelectFieldProps) {
  const id = useId();
  const { allShown, reach } = useOptionsWhenIdle(options.length);
  const shown = allShown ? options : options.filter((option) => option.value === value);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        {...reach}
      >
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
