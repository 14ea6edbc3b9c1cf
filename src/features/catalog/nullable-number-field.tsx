import { useId, useState } from 'react';
import type { z } from 'zod';
import { NumberField } from '../../ui/number-field';
import type { FieldMoney } from '../../ui/number-field';
import { FieldError } from '../../ui/field-error';

export type NullableNumberFieldProps = {
  label: string;
  /** Null means the field's "off" meaning (no caching, no batch, unlimited…). */
  value: number | null;
  /** What null means, as the checkbox's label: "No prompt caching", "Unlimited". */
  nullLabel: string;
  /** What the field shows while null: "Not offered", "Uses the input price". */
  offText: string;
  /** The number the field starts from when the checkbox is cleared. */
  valueWhenSet: number;
  schema: z.ZodType<number>;
  /** Called with a valid number or null; returns a message when the scenario refuses it. */
  onCommit: (value: number | null) => string | null;
  unit?: string;
  percent?: boolean;
  /** A money amount (see `NumberField`). */
  money?: FieldMoney;
  hint?: string;
};

/**
 * A number that may be absent: a checkbox saying what absence means, and the number field when it is set.
 * The space of the number field is kept while it is off, so the form does not jump.
 */
export function NullableNumberField({
  label,
  value,
  nullLabel,
  offText,
  valueWhenSet,
  schema,
  onCommit,
  unit,
  percent = false,
  money,
  hint,
}: NullableNumberFieldProps) {
  const checkboxId = useId();
  const [refusal, setRefusal] = useState<string | null>(null);

  function toggle(isNull: boolean) {
    setRefusal(onCommit(isNull ? null : valueWhenSet));
  }

  return (
    <div className="nullable-field">
      {value === null ? (
        <div className="field">
          <span className="field__label">{label}</span>
          <div className="nullable-field__off">{offText}</div>
        </div>
      ) : (
        <NumberField
          label={label}
          value={value}
          schema={schema}
          onCommit={(next) => onCommit(next)}
          {...(unit === undefined ? {} : { unit })}
          {...(hint === undefined ? {} : { hint })}
          percent={percent}
          money={money}
        />
      )}
      <div className="nullable-field__toggle">
        <input
          id={checkboxId}
          type="checkbox"
          checked={value === null}
          onChange={(event) => toggle(event.target.checked)}
        />
        <label htmlFor={checkboxId}>
          {nullLabel}
          <span className="visually-hidden"> ({label})</span>
        </label>
      </div>
      {refusal && <FieldError label={label} message={refusal} />}
    </div>
  );
}
