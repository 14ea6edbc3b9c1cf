import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DISPLAY_CURRENCIES, displayCurrencySchema } from '../../domain/scenario-schema';
import type { DisplayCurrency, DisplayCurrencyCode, Scenario } from '../../domain/scenario-schema';
import { describeMoneyDisplay, formatMoney, moneyDisplayOf, todayIsoDay } from '../../format/format';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { NumberField, checkTyped } from '../../ui/number-field';
import { TextField } from '../../ui/text-field';

const CURRENCY_NAMES: Record<DisplayCurrencyCode, string> = {
  USD: 'USD — US dollar',
  EUR: 'EUR — euro',
  GBP: 'GBP — pound sterling',
};

/** The scenario showing its figures in `display`, or in USD (the field left out) when `display` is null. */
function withDisplayCurrency(scenario: Scenario, display: DisplayCurrency | null): Scenario {
  if (display !== null) return { ...scenario, displayCurrency: display };
  const rest = { ...scenario };
  delete rest.displayCurrency;
  return rest;
}

/**
 * The rate a newly chosen currency needs before any figure is shown in it: typed, checked against the scenario's
 * rule, then applied ("Show figures in EUR"). Until then every figure stays in the currency it was in, so no figure
 * is ever shown at a rate nobody gave.
 */
function NewCurrencyRate({
  currency,
  shownIn,
  onApply,
  onCancel,
}: {
  currency: Exclude<DisplayCurrencyCode, 'USD'>;
  /** The currency figures are in meanwhile. */
  shownIn: DisplayCurrencyCode;
  /** Returns a message when the scenario refuses the rate. */
  onApply: (perUsd: number) => string | null;
  onCancel: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') {
      setError('is needed: type the day’s rate first');
      return;
    }
    // The rule the rate field below holds it to, once applied.
    const typed = checkTyped(text, false, displayCurrencySchema.shape.perUsd);
    setError(typed.ok ? onApply(typed.value) : typed.message);
  }

  return (
    <form className="currency-settings__new" onSubmit={apply} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="currency-settings__new-title">
        Figures stay in {shownIn} until you give the rate: how many {currency} one US dollar buys on the day
        you budget for (your bank’s, or a central bank’s reference rate).
      </p>
      <div className="currency-settings__new-controls">
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label htmlFor={id} className="field__label">
            Exchange rate
          </label>
          <div className="field__control">
            <input
              id={id}
              type="text"
              inputMode="decimal"
              value={text}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => {
                setText(event.target.value);
                setError(null);
              }}
            />
            <span className="field__unit">{currency} per USD</span>
          </div>
          {error && (
            <span id={`${id}-error`} className="field__error" role="alert">
              Exchange rate {error}
            </span>
          )}
        </div>
        <div className="currency-settings__new-actions">
          <button type="submit" className="button button--primary">
            Show figures in {currency}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

/**
 * The currency every figure is shown in, at a rate the user types and dates. The engine, the scenario's money
 * fields (typed in USD) and the JSON stay in US dollars; only what people read is converted. A currency chosen
 * anew waits for its rate (`NewCurrencyRate`) before any figure is shown in it.
 */
export function CurrencySettings() {
  const scenario = useScenario();
  const [edit] = usePlannerStore(useShallow((s) => [s.edit]));
  const id = useId();
  const display = moneyDisplayOf(scenario);
  const current = scenario.displayCurrency;
  const set = (next: DisplayCurrency | null) => describeRefusal(edit((s) => withDisplayCurrency(s, next)));
  // A currency chosen, waiting for its rate.
  const [choosing, setChoosing] = useState<Exclude<DisplayCurrencyCode, 'USD'> | null>(null);

  function pickCurrency(code: DisplayCurrencyCode) {
    if (code === display.currency) {
      setChoosing(null);
      return;
    }
    if (code === 'USD') {
      setChoosing(null);
      set(null);
      return;
    }
    // Another currency's rate would be wrong for this one: it waits for its own.
    setChoosing(code);
  }

  return (
    <fieldset className="currency-settings" aria-describedby={`${id}-note`}>
      <legend>Currency</legend>
      <div className="currency-settings__row">
        <div className="field">
          <label htmlFor={`${id}-currency`} className="field__label">
            Show figures in
          </label>
          <select
            id={`${id}-currency`}
            value={choosing ?? display.currency}
            onChange={(event) => pickCurrency(event.target.value as DisplayCurrencyCode)}
          >
            {DISPLAY_CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {CURRENCY_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        {choosing && (
          <NewCurrencyRate
            key={choosing}
            currency={choosing}
            shownIn={display.currency}
            onApply={(perUsd) => {
              const refused = set({ currency: choosing, perUsd, setOn: todayIsoDay() });
              if (refused === null) setChoosing(null);
              return refused;
            }}
            onCancel={() => setChoosing(null)}
          />
        )}
        {current && !choosing && (
          <>
            <NumberField
              label="Exchange rate"
              unit={`${current.currency} per USD`}
              hint={`How many ${current.currency} one US dollar buys. Typing a rate dates it today.`}
              value={current.perUsd}
              schema={displayCurrencySchema.shape.perUsd}
              testId="currency-rate"
              onCommit={(perUsd) => set({ ...current, perUsd, setOn: todayIsoDay() })}
            />
            <TextField
              label="Rate set on (YYYY-MM-DD)"
              value={current.setOn}
              testId="currency-set-on"
              onCommit={(setOn) => set({ ...current, setOn: setOn.trim() })}
            />
          </>
        )}
      </div>
      <p id={`${id}-note`} className="field__hint currency-settings__note">
        {current
          ? `Every figure is shown in ${describeMoneyDisplay(display)}: ${formatMoney(1000, display)} for every $1,000 the engine computes. `
          : 'Every figure is shown in US dollars. '}
        Prices in the catalog and the money you type (cash, credits, fixed costs) stay in USD; the scenario
        file and the command line’s JSON keep USD, and the rate is saved with the scenario.
      </p>
    </fieldset>
  );
}
