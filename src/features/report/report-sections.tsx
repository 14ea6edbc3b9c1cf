import type { Scenario } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { describeConstraints, QUALITY_RULE } from '../../format/constraint-text';
import { formatMonth, formatMonths, formatNumber, formatPercent } from '../../format/format';
import { Money } from '../../ui/money';
import type { PeriodTotals, Recommendation, SourceGroup } from './report-figures';
import { sumFirstMonths } from './report-figures';

/** Per-month columns the strategies table shows before it falls back to first and last month only. */
const MAX_MONTH_COLUMNS = 6;

/** "Jan 2027 – Mar 2027", or one label for a single month. */
export function describeMonthRange(count: number, startMonth: string | undefined): string {
  if (count <= 1) return formatMonth(0, startMonth);
  return `${formatMonth(0, startMonth)} – ${formatMonth(count - 1, startMonth)}`;
}

/** "12-month total", or the horizon when it is shorter. */
export function describeYearTotal(horizonMonths: number): string {
  return horizonMonths >= 12 ? '12-month total' : `${formatMonths(horizonMonths)} total`;
}

/** The traffic assumptions, one row per slice. */
export function TrafficTable({ scenario }: { scenario: Scenario }) {
  return (
    <table className="data-table report-table" data-testid="report-traffic">
      <caption className="visually-hidden">Traffic assumptions per slice</caption>
      <thead>
        <tr>
          <th scope="col">Slice</th>
          <th scope="col" className="num">
            Requests <span className="th-sub">per month</span>
          </th>
          <th scope="col" className="num">
            Tokens <span className="th-sub">input / output</span>
          </th>
          <th scope="col" className="num">
            Cached prefix <span className="th-sub">tokens (hit rate)</span>
          </th>
          <th scope="col" className="num">
            Batched <span className="th-sub">share</span>
          </th>
          <th scope="col" className="num">
            Growth <span className="th-sub">per month</span>
          </th>
          <th scope="col" className="num">
            Quality <span className="th-sub">bar</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {scenario.traffic.map((slice) => (
          <tr key={slice.id}>
            <th scope="row">{slice.name || slice.id}</th>
            <td className="num">{formatNumber(slice.requestsPerMonth, true)}</td>
            <td className="num">
              {formatNumber(slice.inputTokens)} / {formatNumber(slice.outputTokens)}
            </td>
            <td className="num">
              {slice.cachedPrefixTokens > 0
                ? `${formatNumber(slice.cachedPrefixTokens)} (${formatPercent(slice.cacheHitRate)})`
                : '—'}
            </td>
            <td className="num">{formatPercent(slice.batchShare)}</td>
            <td className="num">{formatPercent(slice.monthlyGrowth)}</td>
            <td className="num">{formatNumber(slice.qualityBar)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function pickMonthColumns(pocMonths: number): number[] {
  if (pocMonths <= MAX_MONTH_COLUMNS) return Array.from({ length: pocMonths }, (_, index) => index);
  return [0, pocMonths - 1];
}

/** Every strategy's monthly spend in the POC period, its POC and 12-month totals, and its quality bars. */
export function StrategiesTable({
  scenario,
  strategies,
  recommendation,
  pocMonths,
}: {
  scenario: Scenario;
  strategies: readonly StrategyResult[];
  recommendation: Recommendation;
  pocMonths: number;
}) {
  const monthColumns = pickMonthColumns(pocMonths);
  return (
    <table className="data-table report-table" data-testid="report-strategies">
      <caption className="visually-hidden">Monthly spend per strategy over the POC period</caption>
      <thead>
        <tr>
          <th scope="col" className="report-table__name">
            Strategy
          </th>
          {monthColumns.map((month) => (
            <th key={month} scope="col" className="num">
              {formatMonth(month, scenario.startMonth)}
            </th>
          ))}
          <th scope="col" className="num">
            POC total <span className="th-sub">{formatMonths(pocMonths)}</span>
          </th>
          <th scope="col" className="num">
            {describeYearTotal(scenario.horizonMonths).replace(' total', '')}{' '}
            <span className="th-sub">total</span>
          </th>
          <th scope="col" className="report-quality">
            Quality bars and limits
          </th>
        </tr>
      </thead>
      <tbody>
        {strategies.map((strategy) => {
          const isRecommended = strategy.id === recommendation.strategy?.id;
          const constraints = recommendation.constraintsByStrategy.get(strategy.id) ?? [];
          return (
            <tr
              key={strategy.id}
              className={isRecommended ? 'is-recommended' : undefined}
              data-testid={`report-strategy-${strategy.id}`}
            >
              <th scope="row">
                {strategy.name || strategy.id}
                {isRecommended && <span className="badge badge--good">Recommended</span>}
              </th>
              {monthColumns.map((month) => (
                <td key={month} className="num">
                  <Money usd={strategy.months[month]?.spend ?? 0} />
                </td>
              ))}
              <td className="num">
                <Money usd={sumFirstMonths(strategy, pocMonths).spend} testId="report-poc-total" />
              </td>
              <td className="num">
                <Money usd={strategy.totals.firstYearSpend} />
              </td>
              <td className={constraints.length > 0 ? 'report-misses' : undefined}>
                {describeConstraints(constraints, scenario)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What prompt caching and batch save for the recommended strategy over the POC period, from list price to spend. */
export function SavingsLine({ totals, pocMonths }: { totals: PeriodTotals; pocMonths: number }) {
  const cachingCostsMore = totals.savings.caching < 0;
  return (
    <span className="report-savings" data-testid="report-savings">
      Over the POC period ({formatMonths(pocMonths)}):{' '}
      <strong>
        <Money usd={totals.listSpend} testId="report-list-spend" />
      </strong>{' '}
      at list prices; prompt caching {cachingCostsMore ? 'adds' : 'saves'}{' '}
      <strong>
        <Money usd={Math.abs(totals.savings.caching)} testId="report-caching-saves" />
      </strong>{' '}
      and batch saves{' '}
      <strong>
        <Money usd={totals.savings.batch} testId="report-batch-saves" />
      </strong>
      , for a spend of{' '}
      <strong>
        <Money usd={totals.spend} testId="report-poc-spend" />
      </strong>
      .
    </span>
  );
}

/** The footnote: seed figures, how the recommendation was chosen, and the sources of the prices used. */
export function ReportFootnote({
  recommendedName,
  horizonMonths,
  sources,
  programSources,
}: {
  recommendedName: string | null;
  horizonMonths: number;
  sources: readonly SourceGroup[];
  programSources: readonly { label: string; asOf: string }[];
}) {
  return (
    <footer className="report-footnote" data-testid="report-footnote">
      <p>
        Figures marked “seed” are representative 2026 figures: confirm current rates, and the credit
        programmes’ terms with AWS, before you budget.
      </p>
      <p>
        Recommended: the lowest spend over {formatMonths(Math.min(12, horizonMonths))} among the strategies
        that break no constraint (quality bar, context window, allowed region, retiring model); none when
        every strategy breaks one. {QUALITY_RULE}
      </p>
      {((recommendedName && sources.length > 0) || programSources.length > 0) && (
        <p>
          {recommendedName && sources.length > 0 && (
            <>
              Prices used by {recommendedName}:{' '}
              {sources.map((group, index) => (
                <span key={`${group.label ?? ''}|${group.asOf ?? ''}`}>
                  {index > 0 && '; '}
                  {group.models.join(', ')}: {group.label ?? 'no source given'}
                  {group.asOf && !(group.label ?? '').includes(`(${group.asOf})`) && ` (${group.asOf})`}
                </span>
              ))}
              .{' '}
            </>
          )}
          {programSources.length > 0 &&
            `Credit programmes: ${programSources.map((source) => `${source.label} (${source.asOf})`).join('; ')}.`}
        </p>
      )}
    </footer>
  );
}
