import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { z } from 'zod';
import { recommendCreditAsk } from '../../domain/credit-ask';
import {
  clampPocMonths,
  DEFAULT_POC_MONTHS,
  describePriceValidity,
  describeSliceServices,
  listPriceSources,
  listQualitySources,
  pickRecommendedStrategy,
  sumFirstMonths,
  sumFixedCostsInPeriod,
} from '../../domain/poc-estimate';
import type { RecommendationBasis } from '../../domain/poc-estimate';
import { creditPoolTemplatesQueryOptions } from '../../queries/credit-pool-queries';
import { useFiguresScenario, useSimulation } from '../../state/figures';
import { selectBrokenConstraints } from '../../state/selectors';
import { describeMoneyDisplay, formatDay, listWords, todayIsoDay } from '../../format/format';
import { STALE_AFTER_DAYS, isAsOfStale } from '../../domain/price-age';
import { useMoneyDisplay } from '../../ui/money';
import { NO_SOUND_STRATEGY } from '../../format/constraint-text';
import { NumberField } from '../../ui/number-field';
import { TextField } from '../../ui/text-field';
import { CreditAskSection } from './credit-ask-section';
import { toCreditPrograms } from './report-figures';
import {
  AssumptionsSection,
  RecommendationLead,
  SavingsLine,
  StrategiesTable,
  TrafficTable,
} from './report-sections';
import { useSessionText } from './use-session-text';
import './report.css';
import { TableScroll } from '../../ui/table-scroll';

/** The recommendation's basis as kept for the tab: anything else (an old or edited value) reads as least spend. */
const basisSchema = z.enum(['spend', 'cash']).catch('spend');

const BASIS_LABELS: Record<RecommendationBasis, string> = {
  spend: 'Least total spend',
  cash: 'Least cash out of pocket',
};

function makePocMonthsSchema(horizonMonths: number) {
  const range = `must be between 1 and ${horizonMonths} (the horizon)`;
  return z.number().int('must be a whole number').min(1, range).max(horizonMonths, range);
}

/** "8 October 2026", or "24 July 2026 to 8 October 2026" when the prices used carry different dates. */
function describeDays({ oldest, newest }: { oldest: string; newest: string }): string {
  return oldest === newest ? formatDay(newest) : `${formatDay(oldest)} to ${formatDay(newest)}`;
}

/** Names the printed file after the scenario while the report is open ("Save as PDF" offers the title). */
function useDocumentTitle(title: string) {
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

/**
 * The POC estimate: a one-page report a partner hands to a customer — the traffic assumed, the strategies
 * compared, the recommended one with what batch and caching save, and the credit ask — printable as a PDF.
 */
export function ReportPanel() {
  const scenario = useFiguresScenario();
  const display = useMoneyDisplay();
  const result = useSimulation();
  const programs = useQuery({ ...creditPoolTemplatesQueryOptions(), select: toCreditPrograms });
  const [requestedMonths, setRequestedMonths] = useState(DEFAULT_POC_MONTHS);
  const [preparedFor, setPreparedFor] = useSessionText('poc-estimate.prepared-for');
  const [preparedBy, setPreparedBy] = useSessionText('poc-estimate.prepared-by');
  const [basisText, setBasisText] = useSessionText('poc-estimate.basis');
  const basis = basisSchema.parse(basisText);
  const basisId = useId();
  const [preparedOn] = useState(() => todayIsoDay());
  useDocumentTitle(`POC estimate – ${scenario.name}`);

  const horizonMonths = scenario.horizonMonths;
  const pocMonths = clampPocMonths(requestedMonths, horizonMonths);
  const pocMonthsSchema = useMemo(() => makePocMonthsSchema(horizonMonths), [horizonMonths]);
  const recommendation = pickRecommendedStrategy(scenario, result, basis, selectBrokenConstraints(scenario));
  const recommended = recommendation.strategy;
  const ask = recommended && programs.data ? recommendCreditAsk(recommended, programs.data, pocMonths) : null;
  const sources = recommended ? listPriceSources(scenario, recommended.id) : [];
  const qualitySources = recommended ? listQualitySources(scenario, recommended.id) : [];
  const validity = describePriceValidity(sources, preparedOn);
  // The models whose prices the catalog flags as old (`STALE_AFTER_DAYS`), said in the header as it says them.
  const staleModels = sources.flatMap((group) =>
    group.asOf !== null && isAsOfStale(group.asOf, preparedOn) ? group.models : [],
  );
  const pocTotals = recommended ? sumFirstMonths(recommended, pocMonths) : null;
  const programSources = [
    ...new Map((programs.data ?? []).map((p) => [`${p.source.label}|${p.source.asOf}`, p.source])).values(),
  ];

  return (
    <div className="report">
      <div className="report-controls toolbar" role="group" aria-label="Report settings">
        <div className="report-controls__months">
          <NumberField
            label="POC period"
            unit="months"
            value={pocMonths}
            schema={pocMonthsSchema}
            onCommit={(months) => {
              setRequestedMonths(months);
              return null;
            }}
            hint={`1 to ${horizonMonths}`}
            testId="report-poc-months"
          />
        </div>
        <div className="report-controls__text">
          <TextField
            label="Prepared for"
            value={preparedFor}
            onCommit={(text) => (setPreparedFor(text), null)}
          />
        </div>
        <div className="report-controls__text">
          <TextField
            label="Prepared by"
            value={preparedBy}
            onCommit={(text) => (setPreparedBy(text), null)}
          />
        </div>
        <div className="field report-controls__basis">
          <label htmlFor={basisId} className="field__label">
            Recommend by
          </label>
          <select
            id={basisId}
            value={basis}
            onChange={(event) => setBasisText(basisSchema.parse(event.target.value))}
          >
            {(Object.keys(BASIS_LABELS) as RecommendationBasis[]).map((key) => (
              <option key={key} value={key}>
                {BASIS_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          Print / Save as PDF
        </button>
      </div>

      <article className="report-root report-page" aria-labelledby="report-title">
        <header className="report-head">
          <p className="report-head__kicker">Proof-of-concept estimate</p>
          <h2 id="report-title">{scenario.name}</h2>
          {scenario.description && <p className="report-head__description">{scenario.description}</p>}
          <dl className="report-head__meta">
            {preparedFor.trim() && (
              <div>
                <dt>Prepared for</dt>
                <dd data-testid="report-prepared-for">{preparedFor}</dd>
              </div>
            )}
            {preparedBy.trim() && (
              <div>
                <dt>Prepared by</dt>
                <dd data-testid="report-prepared-by">{preparedBy}</dd>
              </div>
            )}
            <div>
              <dt>Prepared on</dt>
              <dd data-testid="report-prepared-on">{formatDay(preparedOn)}</dd>
            </div>
            <div>
              <dt>Prices</dt>
              <dd data-testid="report-validity">
                {validity.pricesAsOf
                  ? `as of ${describeDays(validity.pricesAsOf)}; `
                  : 'undated (no model it uses gives its prices a date); '}
                valid for 30 days, until {formatDay(validity.validUntil)}
                {staleModels.length > 0 && (
                  <span className="report__stale" data-testid="report-stale-prices">
                    {' '}
                    ({staleModels.length === 1 ? 'the price' : 'the prices'} of {listWords(staleModels)}{' '}
                    {staleModels.length === 1 ? 'is' : 'are'} more than {STALE_AFTER_DAYS} days old: check{' '}
                    {staleModels.length === 1 ? 'it' : 'them'} against the provider’s list before you send
                    this)
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>Currency</dt>
              <dd data-testid="report-currency">
                {display.currency === 'USD'
                  ? 'US dollars (USD), before tax'
                  : `${describeMoneyDisplay(display)}, before tax (computed in USD)`}
              </dd>
            </div>
          </dl>
        </header>

        {recommended && pocTotals ? (
          <section className="report-section" aria-labelledby="report-recommended">
            <h3 id="report-recommended">
              Recommended: <span data-testid="report-recommended">{recommended.name}</span>
            </h3>
            <p className="report-lead">
              <RecommendationLead recommendation={recommendation} horizonMonths={horizonMonths} />{' '}
              <SavingsLine totals={pocTotals} pocMonths={pocMonths} />
            </p>
          </section>
        ) : (
          result.strategies.length > 0 && (
            <section className="report-section" aria-labelledby="report-recommended">
              <h3 id="report-recommended">No recommendation</h3>
              <p className="report-lead" data-testid="report-no-recommendation">
                {NO_SOUND_STRATEGY}
              </p>
            </section>
          )
        )}

        <section className="report-section" aria-labelledby="report-situation">
          <h3 id="report-situation">
            {recommended
              ? `The traffic, and how ${recommended.name} serves it`
              : 'The situation: traffic assumed'}
          </h3>
          <TableScroll label="Traffic assumptions">
            <TrafficTable
              scenario={scenario}
              service={
                recommended && pocTotals
                  ? {
                      strategyName: recommended.name,
                      services: describeSliceServices(scenario, recommended, pocMonths),
                      fixedCosts: sumFixedCostsInPeriod(scenario, recommended, pocMonths),
                      total: pocTotals.spend,
                      pocMonths,
                    }
                  : null
              }
            />
          </TableScroll>
        </section>

        {result.strategies.length > 0 ? (
          <>
            <section className="report-section" aria-labelledby="report-strategies">
              <h3 id="report-strategies">Strategies compared</h3>
              <TableScroll label="Strategies compared">
                <StrategiesTable
                  scenario={scenario}
                  strategies={result.strategies}
                  recommendation={recommendation}
                  pocMonths={pocMonths}
                />
              </TableScroll>
            </section>

            <section className="report-section" aria-labelledby="report-credit-ask">
              <h3 id="report-credit-ask">Credit ask</h3>
              {ask && programs.data ? (
                <CreditAskSection
                  ask={ask}
                  programs={programs.data}
                  startMonth={scenario.startMonth}
                  horizonMonths={horizonMonths}
                />
              ) : !recommended ? (
                <p className="muted">No credit ask without a recommended strategy.</p>
              ) : programs.isError ? (
                <p role="alert" className="report-ask__error">
                  The credit programmes could not be loaded: {programs.error.message}
                </p>
              ) : (
                <p className="muted">Loading the credit programmes…</p>
              )}
            </section>
          </>
        ) : (
          <p className="report-section">
            Add a strategy on the Strategies screen to estimate what the POC costs.
          </p>
        )}

        <AssumptionsSection
          scenario={scenario}
          recommendedName={recommended?.name ?? null}
          horizonMonths={horizonMonths}
          validity={validity}
          sources={sources}
          qualitySources={qualitySources}
          programSources={programSources}
        />
      </article>
    </div>
  );
}
