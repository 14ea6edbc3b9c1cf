import { RECOMMENDATION_MONTHS, sumFirstMonths } from '../../domain/poc-estimate';
import type {
  FixedCostTotal,
  PeriodTotals,
  PriceValidity,
  QualitySourceGroup,
  Recommendation,
  RecommendationBasis,
  SliceService,
  SourceGroup,
} from '../../domain/poc-estimate';
import type { Scenario } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import {
  ALL_MET,
  describeConstraintBadges,
  describeConstraints,
  QUALITY_RULE_BRIEF,
} from '../../format/constraint-text';
import {
  USD_DISPLAY,
  formatDay,
  formatMoney,
  formatMonth,
  formatMonths,
  formatNumber,
  formatPercent,
} from '../../format/format';
import { describeSliceService } from '../../format/service-text';
import { Money } from '../../ui/money';

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

/** How the recommended strategy serves the traffic: each slice's model and POC spend, and the fixed costs. */
export type ServiceColumns = {
  strategyName: string;
  services: readonly SliceService[];
  fixedCosts: readonly FixedCostTotal[];
  /** The POC period's spend, slices and fixed costs together. */
  total: number;
  pocMonths: number;
};

/**
 * The traffic assumptions, one row per slice; with `service`, also which model serves each slice under the
 * recommended strategy and what it costs over the POC period, the fixed costs and the total.
 */
export function TrafficTable({ scenario, service }: { scenario: Scenario; service: ServiceColumns | null }) {
  const servedBy = new Map(service?.services.map((entry) => [entry.slice.id, entry]));
  return (
    <table className="data-table report-table report-traffic" data-testid="report-traffic">
      <caption className="visually-hidden">
        {service
          ? `Traffic assumptions per slice, and the model serving each under ${service.strategyName}`
          : 'Traffic assumptions per slice'}
      </caption>
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
          {service && (
            <>
              <th scope="col" className="report-traffic__served">
                Served by <span className="th-sub">recommended</span>
              </th>
              <th scope="col" className="num">
                POC spend <span className="th-sub">{formatMonths(service.pocMonths)}</span>
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {scenario.traffic.map((slice) => {
          const entry = servedBy.get(slice.id);
          return (
            <tr key={slice.id} data-testid={`report-slice-${slice.id}`}>
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
              {service && (
                <>
                  <td className="report-traffic__served">{entry ? describeSliceService(entry) : '—'}</td>
                  <td className="num">
                    <Money usd={entry?.pocSpend ?? 0} />
                  </td>
                </>
              )}
            </tr>
          );
        })}
        {service?.fixedCosts.map((cost) => (
          <tr key={`fixed-${cost.id}`} data-testid={`report-fixed-${cost.id}`}>
            <th scope="row" colSpan={8}>
              {cost.name || cost.id} <span className="muted">(fixed monthly cost)</span>
            </th>
            <td className="num">
              <Money usd={cost.pocSpend} />
            </td>
          </tr>
        ))}
      </tbody>
      {service && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={8}>
              Total over the POC period
            </th>
            <td className="num">
              <Money usd={service.total} testId="report-service-total" />
            </td>
          </tr>
        </tfoot>
      )}
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
                {constraints.length === 0
                  ? ALL_MET
                  : describeConstraintBadges(constraints)
                      .map((badge) => badge.label)
                      .join(' · ')}
                {constraints.length > 0 && (
                  <span className="report-misses__detail">{describeConstraints(constraints, scenario)}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What the recommendation minimises, in words: "the least total spend" or "the least cash out of pocket". */
export function describeBasis(basis: RecommendationBasis): string {
  return basis === 'spend' ? 'the least total spend' : 'the least cash out of pocket';
}

/** Why the recommended strategy was chosen: the basis the user picked, its window and the strategy's figure. */
export function RecommendationLead({
  recommendation,
  horizonMonths,
}: {
  recommendation: Recommendation;
  horizonMonths: number;
}) {
  const window = formatMonths(Math.min(RECOMMENDATION_MONTHS, horizonMonths));
  return (
    <span data-testid="report-basis">
      Chosen for {describeBasis(recommendation.basis)} over the first {window} (
      <strong>
        <Money usd={recommendation.figure ?? 0} testId="report-basis-figure" />
      </strong>
      {recommendation.basis === 'spend' ? ', whoever pays it' : ' after the credits already held'}) among the
      strategies that break no constraint.
    </span>
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

/** "Acme price list, as of 2026-10-08", without repeating a date the label already gives. */
function describeSource(label: string | null, asOf: string | null): string {
  const named = label ?? 'no source given';
  return asOf && !named.includes(asOf) ? `${named}, as of ${asOf}` : named;
}

/** The assumptions behind every figure, each with where it comes from. */
export function AssumptionsSection({
  scenario,
  recommendedName,
  horizonMonths,
  validity,
  sources,
  qualitySources,
  programSources,
}: {
  scenario: Scenario;
  recommendedName: string | null;
  horizonMonths: number;
  validity: PriceValidity;
  sources: readonly SourceGroup[];
  qualitySources: readonly QualitySourceGroup[];
  programSources: readonly { label: string; asOf: string }[];
}) {
  const { options, credits, fixedCosts } = scenario;
  return (
    <footer className="report-footnote" data-testid="report-footnote">
      <h3 className="report-footnote__title">Assumptions and sources</h3>
      <ul className="report-assumptions">
        <li>
          <strong>Prices:</strong> list prices in US dollars (USD), before tax, quoted until{' '}
          {formatDay(validity.validUntil)}.
          {recommendedName && sources.length > 0 && (
            <>
              {' '}
              Sources for {recommendedName}:{' '}
              {sources.map((group, index) => (
                <span key={`${group.label ?? ''}|${group.asOf ?? ''}`}>
                  {index > 0 && '; '}
                  {group.models.join(', ')}: {describeSource(group.label, group.asOf)}
                </span>
              ))}
              .
            </>
          )}{' '}
          {sources.some((group) => group.label?.startsWith('seed')) &&
            'Figures marked “seed” are representative: confirm current rates before you budget.'}{' '}
          Each amount is computed in full and rounded on its own (to the cent under 100, else to the whole
          unit), so a column may add up to a unit more or less than the total shown under it.
        </li>
        <li>
          <strong>Traffic:</strong> as in the table above, over {formatMonths(horizonMonths)}; prompt caching{' '}
          {options.caching ? 'on' : 'off'}, batch {options.batch ? 'on' : 'off'}
          {scenario.catalog.some((model) => model.pricing.kind === 'capacity') &&
            `; capacity sized for a peak ${formatNumber(options.peakToAverage)}× the average`}
          .
        </li>
        <li>
          <strong>Quality:</strong>{' '}
          {qualitySources.length > 0
            ? qualitySources.map((group, index) => (
                <span key={`${group.benchmark}|${group.asOf}|${group.assumption}`}>
                  {index > 0 && '; '}
                  {group.assumption ? 'assumed, standing in for ' : ''}
                  {group.benchmark} ({group.asOf}) for {group.models.join(', ')}
                </span>
              ))
            : 'scores as entered in the catalog'}
          {scenario.evaluations.length > 0 &&
            `; ${formatNumber(scenario.evaluations.length)} of your own evaluations take precedence where given`}
          . {QUALITY_RULE_BRIEF}
        </li>
        <li>
          <strong>Credits already held:</strong>{' '}
          {credits.length > 0
            ? credits
                .map((pool) => `${pool.name || pool.id} ${formatMoney(pool.amount, USD_DISPLAY)}`)
                .join('; ')
            : 'none'}
          , as entered; the credit ask is net of them.
          {fixedCosts.length > 0 &&
            ` Fixed monthly costs as entered: ${fixedCosts.map((cost) => `${cost.name || cost.id} ${formatMoney(cost.monthlyAmount, USD_DISPLAY)}`).join('; ')}.`}
          {programSources.length > 0 &&
            ` Credit programmes: ${programSources.map((source) => describeSource(source.label, source.asOf)).join('; ')}; confirm their terms with AWS.`}
        </li>
      </ul>
    </footer>
  );
}
