import type { Scenario } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { Money } from '../../ui/money';
import { describeCashOut, describeCreditsEnd, describeRunwayLength } from '../../format/outcome-text';

/** When credits and cash run out, and where the credits and AI cash went, for one strategy. */
export function RunwayHeadline({ strategy, scenario }: { strategy: StrategyResult; scenario: Scenario }) {
  const { totals } = strategy;
  const cashOut = describeCashOut(strategy.runwayMonths, scenario);
  return (
    <dl className="runway-headline" aria-label={`Credits and runway for ${strategy.name}`}>
      <div className="runway-headline__item">
        <dt>Credits run out</dt>
        <dd data-testid="runway-credits-end">{describeCreditsEnd(strategy, scenario)}</dd>
      </div>
      <div className="runway-headline__item">
        <dt>Cash runway</dt>
        <dd data-testid="runway-cash">
          {describeRunwayLength(strategy.runwayMonths, scenario)}
          {cashOut && <span className="runway-headline__sub">{cashOut}</span>}
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
