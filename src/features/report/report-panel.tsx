import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { recommendCreditAsk } from '../../domain/credit-ask';
import { creditPoolTemplatesQueryOptions } from '../../queries/credit-pool-queries';
import { useScenario } from '../../state/scenario-store';
import { useSimulation } from '../../state/selectors';
import { describeMoneyDisplay, formatMonths } from '../../format/format';
import { useMoneyDisplay } from '../../ui/money';
import { NO_SOUND_STRATEGY } from '../../format/constraint-text';
import { NumberField } from '../../ui/number-field';
import { TextField } from '../../ui/text-field';
import { CreditAskSection } from './credit-ask-section';
import {
  listPriceSources,
  pickRecommendedStrategy,
  sumFirstMonths,
  toCreditPrograms,
} from './report-figures';
import { ReportFootnote, SavingsLine, StrategiesTable, TrafficTable } from './report-sections';
import { useSessionText } from './use-session-text';
import './report.css';
import { TableScroll } from '../../ui/table-scroll';

/** The POC period a partner usually quotes. */
const DEFAULT_POC_MONTHS = 3;

const preparedDateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

function makePocMonthsSchema(horizonMonths: number) {
  const range = `must be between 1 and ${horizonMonths} (the horizon)`;
  return z.number().int('must be a whole number').min(1, range).max(horizonMonths, range);
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
  const scenario = useScenario();
  const display = useMoneyDisplay();
  const result = useSimulation();
  const programs = useQuery({ ...creditPoolTemplatesQueryOptions(), select: toCreditPrograms });
  const [requestedMonths, setRequestedMonths] = useState(DEFAULT_POC_MONTHS);
  const [preparedFor, setPreparedFor] = useSessionText('poc-estimate.prepared-for');
  const [preparedBy, setPreparedBy] = useSessionText('poc-estimate.prepared-by');
  const [preparedOn] = useState(() => preparedDateFormat.format(new Date()));
  useDocumentTitle(`POC estimate – ${scenario.name}`);

  const horizonMonths = scenario.horizonMonths;
  const pocMonths = Math.max(1, Math.min(requestedMonths, horizonMonths));
  const pocMonthsSchema = useMemo(() => makePocMonthsSchema(horizonMonths), [horizonMonths]);
  const recommendation = pickRecommendedStrategy(scenario, result);
  const recommended = recommendation.strategy;
  const ask = recommended && programs.data ? recommendCreditAsk(recommended, programs.data, pocMonths) : null;
  const sources = recommended ? listPriceSources(scenario, recommended.id) : [];
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
              <dd>{preparedOn}</dd>
            </div>
            <div>
              <dt>Currency</dt>
              <dd data-testid="report-currency">{describeMoneyDisplay(display)}</dd>
            </div>
          </dl>
        </header>

        <section className="report-section" aria-labelledby="report-situation">
          <h3 id="report-situation">The situation: traffic assumed</h3>
          <TableScroll label="Traffic assumptions">
            <TrafficTable scenario={scenario} />
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

            <section className="report-section" aria-labelledby="report-recommended">
              {recommended ? (
                <>
                  <h3 id="report-recommended">
                    Recommended: <span data-testid="report-recommended">{recommended.name}</span>
                  </h3>
                  <p className="report-lead">
                    The cheapest over {formatMonths(Math.min(12, horizonMonths))} that breaks no constraint:
                    every slice at or above its quality bar, within its models’ context windows and allowed
                    regions, on models that stay available.{' '}
                    <SavingsLine totals={sumFirstMonths(recommended, pocMonths)} pocMonths={pocMonths} />
                  </p>
                </>
              ) : (
                <>
                  <h3 id="report-recommended">No recommendation</h3>
                  <p className="report-lead" data-testid="report-no-recommendation">
                    {NO_SOUND_STRATEGY}
                  </p>
                </>
              )}
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

        <ReportFootnote
          recommendedName={recommended?.name ?? null}
          horizonMonths={horizonMonths}
          sources={sources}
          programSources={programSources}
        />
      </article>
    </div>
  );
}
