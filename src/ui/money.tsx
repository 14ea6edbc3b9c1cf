import { createContext, useContext } from 'react';
import { USD_DISPLAY, formatMoneyExact, formatMoney } from '../format/format';
import type { MoneyDisplay } from '../format/format';

/**
 * The currency and rate every figure on screen is shown in. The app provides the open scenario's
 * (`displayCurrency`); without a provider, USD.
 */
export const MoneyDisplayContext = createContext<MoneyDisplay>(USD_DISPLAY);

/** The display currency, for components that format money into text (`formatMoney(usd, display)`). */
export function useMoneyDisplay(): MoneyDisplay {
  return useContext(MoneyDisplayContext);
}

/**
 * An engine amount (USD) for people, in the display currency and in full, however large ($1,036,598, never $1.04M:
 * people check these figures against each other and against their bills), with the exact figure to the cent on
 * hover and for assistive tech when rounded to the dollar. `data-value` keeps the engine's USD amount.
 */
export function Money({ usd, testId }: { usd: number; testId?: string }) {
  const display = useMoneyDisplay();
  const shown = formatMoney(usd, display);
  const exact = formatMoneyExact(usd, display);
  return (
    <span
      className="money"
      title={shown === exact ? undefined : exact}
      data-testid={testId}
      data-value={usd}
      data-currency={display.currency}
    >
      {shown}
    </span>
  );
}
