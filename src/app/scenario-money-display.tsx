import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { moneyDisplayOf } from '../format/format';
import { usePlannerStore } from '../state/scenario-store';
import { MoneyDisplayContext } from '../ui/money';

/** Gives every screen below it the open scenario's display currency (USD when it sets none). */
export function ScenarioMoneyDisplay({ children }: { children: ReactNode }) {
  const displayCurrency = usePlannerStore((s) => s.scenario?.displayCurrency);
  const display = useMemo(() => moneyDisplayOf({ displayCurrency }), [displayCurrency]);
  return <MoneyDisplayContext value={display}>{children}</MoneyDisplayContext>;
}
