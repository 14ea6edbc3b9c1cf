import { formatMoney, formatMoneyExact } from '../format/format';

/** An amount for people, with the exact figure to the cent on hover and for assistive tech when rounded. */
export function Money({ usd, testId }: { usd: number; testId?: string }) {
  const shown = formatMoney(usd);
  const exact = formatMoneyExact(usd);
  return (
    <span className="money" title={shown === exact ? undefined : exact} data-testid={testId} data-value={usd}>
      {shown}
    </span>
  );
}
