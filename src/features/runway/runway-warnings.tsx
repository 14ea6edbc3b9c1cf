import { findRunwayAlerts } from '../../domain/runway-alerts';
import type { CreditPool } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { formatMoney, formatMonth, formatMonths } from '../../format/format';
import { useMoneyDisplay } from '../../ui/money';
import { findExpiredPools, findUncoveredPlatforms, sumUncoveredSpend } from '../../domain/credit-figures';
import { namePool } from './runway-figures';

/**
 * Cash running out within six months, pools that start once cash is gone, credits that expire unused, and AI
 * spend on platforms no pool pays for.
 */
export function RunwayWarnings({
  strategy,
  pools,
  startMonth,
}: {
  strategy: StrategyResult;
  pools: readonly CreditPool[];
  startMonth: string | undefined;
}) {
  const display = useMoneyDisplay();
  const expired = findExpiredPools(pools, strategy);
  const uncovered = findUncoveredPlatforms(pools, strategy);
  const uncoveredTotal = sumUncoveredSpend(uncovered);
  const { cashOutMonth, poolsAfterCash } = findRunwayAlerts(strategy, pools);
  const cashOutLabel = strategy.runwayMonths === null ? '' : formatMonth(strategy.runwayMonths, startMonth);
  return (
    <>
      {cashOutMonth !== null && (
        <div className="notice notice--warn" role="status" aria-label="Cash runs out soon">
          <div>
            <p>
              <strong>
                {cashOutMonth === 0
                  ? `Cash runs out in the first month with ${strategy.name} (${cashOutLabel}).`
                  : `Cash runs out in ${formatMonths(cashOutMonth)} with ${strategy.name} (out in ${cashOutLabel}).`}
              </strong>
            </p>
            <p className="muted">
              {cashOutMonth === 0
                ? 'The first month already closes below zero: raise cash, cut other burn or pick a cheaper strategy.'
                : 'Raise cash, cut other burn or pick a cheaper strategy before then.'}
            </p>
          </div>
        </div>
      )}
      {poolsAfterCash.length > 0 && (
        <div
          className="notice notice--warn"
          role="status"
          aria-label="Credits that start after cash runs out"
        >
          <div>
            <p>
              <strong>
                {poolsAfterCash.length === 1
                  ? 'A credit pool starts'
                  : `${poolsAfterCash.length} credit pools start`}{' '}
                in or after the month cash runs out ({cashOutLabel}) with {strategy.name}.
              </strong>
            </p>
            <ul className="runway-warning__list">
              {poolsAfterCash.map((pool) => (
                <li key={pool.id}>
                  {namePool(pool)}: starts {formatMonth(pool.startMonth, startMonth)}
                </li>
              ))}
            </ul>
            <p className="muted">
              Its credits cannot keep the company going: start it sooner or raise cash first.
            </p>
          </div>
        </div>
      )}
      {expired.length > 0 && (
        <div className="notice notice--warn" role="status" data-testid="warning-expired">
          <div>
            <p>
              <strong>
                {formatMoney(strategy.totals.creditsExpired, display)} of credits expire unused with{' '}
                {strategy.name}.
              </strong>
            </p>
            <ul className="runway-warning__list">
              {expired.map(({ pool, month, expiredUsd }) => (
                <li key={pool.id}>
                  {namePool(pool)}: {formatMoney(expiredUsd, display)} left at the end of{' '}
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
              {formatMoney(uncoveredTotal, display)} of AI spend over {formatMonths(strategy.months.length)}{' '}
              is paid in cash
            </strong>{' '}
            with {strategy.name}: no credit pool covers{' '}
            {uncovered
              .map((entry) => `${entry.platform} (${formatMoney(entry.spendUsd, display)})`)
              .join(', ')}
            .
          </p>
        </div>
      )}
    </>
  );
}
