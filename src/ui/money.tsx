import { createContext, useContext } from 'react';
import { USD_DISPLAY, formatMoney, formatMoneyExact, formatMoneyInFull } from '../format/format';
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
 * An engine amount (USD) for people, in the display currency (short above a million unless `inFull`), with the
 * exact figure to the cent on hover and for assistive tech when rounded. `data-value` keeps the engine's USD amount.
 */
export function Money({ usd, testId, inFull }: { usd: number; testId?: string; inFull?: boolean }) {
  const display = useMoneyDisplay();
  // In full (never $3.6M) where a column's figures are read against each other.
  const shown = inFull ? formatMoneyInFull(usd, display) : formatMoney(usd, display);
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
