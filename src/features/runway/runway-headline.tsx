import type { StrategyResult } from '../../domain/simulate';
import { formatMonth } from '../../ui/format';
import { Money } from '../../ui/money';
import { describeCreditsEnd, describeRunway } from './runway-figures';

/** When credits and cash run out, and where the credits and AI cash went, for one strategy. */
export function RunwayHeadline({
  strategy,
  hasPools,
  horizonMonths,
  startMonth,
}: {
  strategy: StrategyResult;
  hasPools: boolean;
  horizonMonths: number;
  startMonth: string | undefined;
}) {
  const { totals } = strategy;
  return (
    <dl className="runway-headline" aria-label={`Credits and runway for ${strategy.name}`}>
      <div className="runway-headline__item">
        <dt>Credits run out</dt>
        <dd data-testid="runway-credits-end">{describeCreditsEnd(strategy, hasPools, startMonth)}</dd>
      </div>
      <div className="runway-headline__item">
        <dt>Cash runway</dt>
        <dd data-testid="runway-cash">
          {describeRunway(strategy, horizonMonths)}
          {strategy.runwayMonths !== null && (
            <span className="runway-headline__sub">
              out in {formatMonth(strategy.runwayMonths, startMonth)}
            </span>
          )}
        </dd>
      </div>
      <div className="runway-headline__item">
        <dt>Credits used</dt>
        <dd>
          <Money usd={totals.creditsUsed} testId="runway-credits-used" />
        </dd>
      </div>
      <div className="runway-headline__item">
        <dt>Credits expired</dt>
        <dd className={totals.creditsExpired > 0 ? 'is-warn' : undefined}>
          <Money usd={totals.creditsExpired} testId="runway-credits-expired" />
        </dd>
      </div>
      <div className="runway-headline__item">
        <dt>Cash spent on AI</dt>
        <dd>
          <Money usd={totals.cashSpentOnAI} testId="runway-cash-ai" />
        </dd>
      </div>
    </dl>
  );
}
