import type { CreditPool } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { formatMoney, formatMonth, formatMonths } from '../../format/format';
import { findExpiredPools, findUncoveredPlatforms, namePool } from './runway-figures';

/** Credits that expire unused, and AI spend on platforms no pool pays for. */
export function RunwayWarnings({
  strategy,
  pools,
  startMonth,
}: {
  strategy: StrategyResult;
  pools: readonly CreditPool[];
  startMonth: string | undefined;
}) {
  const expired = findExpiredPools(pools, strategy);
  const uncovered = findUncoveredPlatforms(pools, strategy);
  const uncoveredTotal = uncovered.reduce((sum, entry) => sum + entry.spendUsd, 0);
  return (
    <>
      {expired.length > 0 && (
        <div className="notice notice--warn" role="status" data-testid="warning-expired">
          <div>
            <p>
              <strong>
                {formatMoney(strategy.totals.creditsExpired)} of credits expire unused with {strategy.name}.
              </strong>
            </p>
            <ul className="runway-warning__list">
              {expired.map(({ pool, month, expiredUsd }) => (
                <li key={pool.id}>
                  {namePool(pool)}: {formatMoney(expiredUsd)} left at the end of{' '}
                  {formatMonth(month, startMonth)}
                </li>
              ))}
            </ul>
            <p className="muted">Start a pool later, or route more of its platform's traffic to it.</p>
          </div>
        </div>
      )}
      {uncovered.length > 0 && (
        <div className="notice notice--warn" role="status" data-testid="warning-uncovered">
          <p>
            <strong>
              {formatMoney(uncoveredTotal)} of AI spend over {formatMonths(strategy.months.length)} is paid in
              cash
            </strong>{' '}
            with {strategy.name}: no credit pool covers{' '}
            {uncovered.map((entry) => `${entry.platform} (${formatMoney(entry.spendUsd)})`).join(', ')}.
          </p>
        </div>
      )}
    </>
  );
}
