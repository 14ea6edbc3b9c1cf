import { ChartFrame } from '../../charts/chart-frame';
import { MoneyBarChart } from '../../charts/money-bar-chart';
import type { StrategyResult } from '../../domain/simulate';
import { moneyCell } from '../../charts/chart-table';
import { formatMoney, formatMonths, formatPercent } from '../../format/format';
import { Money, useMoneyDisplay } from '../../ui/money';
import { describeSavingsChart } from './compare-series';

/** What batch and prompt caching save the focused strategy: totals as figures, then month by month. */
export function SavingsSection({
  strategy,
  labels,
}: {
  strategy: StrategyResult;
  labels: readonly string[];
}) {
  const display = useMoneyDisplay();
  const { listSpend, spend, savings } = strategy.totals;
  const savedShare = listSpend > 0 ? (listSpend - spend) / listSpend : 0;
  const table = {
    columns: ['Month', 'List spend', 'Caching savings', 'Batch savings', 'Spend'],
    rows: labels.map((label, month) => {
      const m = strategy.months[month];
      return [
        label,
        moneyCell(m?.listSpend ?? 0, display),
        moneyCell(m?.savings.caching ?? 0, display),
        moneyCell(m?.savings.batch ?? 0, display),
        moneyCell(m?.spend ?? 0, display),
      ];
    }),
  };
  // The tiles add up the whole plan, not a year as the Summary's columns do: said above them.
  const period = `${labels[0] ?? ''} to ${labels.at(-1) ?? ''}, ${formatMonths(labels.length)}`;
  return (
    <div className="compare-savings">
      <p className="compare-figures__period" data-testid="savings-period">
        Over the whole plan ({period})
      </p>
      <dl
        className="figure-tiles compare-figures"
        aria-label={`Savings of ${strategy.name} over the whole plan (${period})`}
      >
        <div className="figure-tiles__item">
          <dt>At list price</dt>
          <dd>
            <Money usd={listSpend} testId="savings-list" />
          </dd>
        </div>
        <div className="figure-tiles__item">
          <dt>{savings.caching < 0 ? 'Caching costs' : 'Caching saves'}</dt>
          <dd className={savings.caching < 0 ? 'is-negative' : undefined}>
            <Money usd={Math.abs(savings.caching)} testId="savings-caching" />
          </dd>
        </div>
        <div className="figure-tiles__item">
          <dt>Batch saves</dt>
          <dd>
            <Money usd={savings.batch} testId="savings-batch" />
          </dd>
        </div>
        <div className="figure-tiles__item">
          <dt>Pays</dt>
          <dd>
            <Money usd={spend} testId="savings-spend" />
            <span className="figure-tiles__sub">
              {savedShare >= 0
                ? `${formatPercent(savedShare)} off list`
                : `${formatPercent(-savedShare)} over list`}
            </span>
          </dd>
        </div>
      </dl>
      {savings.caching < 0 ? (
        <div className="notice notice--warn" role="status">
          <p>
            Caching costs {strategy.name} {formatMoney(-savings.caching, display)} more than it saves: at
            these cache hit rates, writing prefixes to the cache (priced above plain input) costs more than
            the hits save.
          </p>
        </div>
      ) : (
        <p className="compare-note">
          Caching savings are list price minus the cached price. They turn negative when cache writes cost
          more than the hits save (low hit rates on a model with a write premium).
        </p>
      )}
      <ChartFrame
        title="Caching and batch savings per month"
        summary={describeSavingsChart(strategy, display)}
        table={table}
        height={230}
      >
        <MoneyBarChart
          labels={labels}
          display={display}
          series={[
            { name: 'Caching savings', values: strategy.months.map((m) => m.savings.caching), colorIndex: 2 },
            { name: 'Batch savings', values: strategy.months.map((m) => m.savings.batch), colorIndex: 1 },
          ]}
        />
      </ChartFrame>
    </div>
  );
}
