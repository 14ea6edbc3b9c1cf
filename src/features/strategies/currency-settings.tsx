import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DISPLAY_CURRENCIES, displayCurrencySchema } from '../../domain/scenario-schema';
import type { DisplayCurrency, DisplayCurrencyCode, Scenario } from '../../domain/scenario-schema';
import { describeMoneyDisplay, formatMoney, moneyDisplayOf, todayIsoDay } from '../../format/format';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { NumberField } from '../../ui/number-field';
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
 * The currency every figure is shown in, at a rate the user types and dates. The engine, the scenario's money
 * fields (typed in USD) and the JSON stay in US dollars; only what people read is converted.
 */
export function CurrencySettings() {
  const scenario = useScenario();
  const [edit] = usePlannerStore(useShallow((s) => [s.edit]));
  const id = useId();
  const display = moneyDisplayOf(scenario);
  const current = scenario.displayCurrency;
  const set = (next: DisplayCurrency | null) => describeRefusal(edit((s) => withDisplayCurrency(s, next)));

  function pickCurrency(code: DisplayCurrencyCode) {
    if (code === display.currency) return;
    // A new currency starts at 1 per USD, dated today, until the user types the day's rate.
    set(code === 'USD' ? null : { currency: code, perUsd: 1, setOn: todayIsoDay() });
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
            value={display.currency}
            onChange={(event) => pickCurrency(event.target.value as DisplayCurrencyCode)}
          >
            {DISPLAY_CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {CURRENCY_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        {current && (
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
