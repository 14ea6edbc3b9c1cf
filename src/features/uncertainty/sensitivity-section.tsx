import { useState } from 'react';
import { z } from 'zod';
import { ChartFrame } from '../../charts/chart-frame';
import { TORNADO_CHROME_PX, TORNADO_ROW_PX, TornadoChart } from '../../charts/tornado-chart';
import { rankSensitivity } from '../../domain/sensitivity';
import type { SensitivityMetric, SensitivityResult } from '../../domain/sensitivity';
import { useAnalysis } from '../../queries/analysis-queries';
import { PendingResult, isBusy, useDrawnState } from '../../ui/pending-result';
import { selectCheapestStrategy } from '../../state/selectors';
import { useFiguresScenario, useFocusStrategy, useSimulation } from '../../state/figures';
import { usePlannerStore } from '../../state/scenario-store';
import { formatMoneyTick, toDisplayAmount } from '../../format/format';
import { useMoneyDisplay } from '../../ui/money';
import { formatMonths, formatNumber } from '../../format/format';
import { NumberField } from '../../ui/number-field';
import { describeFirstYear } from '../../format/outcome-text';
import { StrategySelect } from '../../ui/strategy-select';
import {
  buildSensitivityTable,
  buildTornadoRows,
  describeSensitivity,
  formatOutcome,
  readOutcomeValue,
  splitByEffect,
} from './sensitivity-figures';
import './sensitivity.css';

/** Whether every input is listed, not just the top ones: on the metric's chart, and on the cash chart. */
type ShowAll = { moving: boolean; cash: boolean };

/** The figure shown for inputs whose both ends outlast the horizon. */
const CASH_AT_END_NAME = 'cash at the end of the horizon';

/** Inputs shown before "Show all". */
const TOP_COUNT = 12;
const DEFAULT_SWING = 0.2;

/** The default swing: at least 1 % (a smaller one says nothing), at most 100 % (a count swung to 0). */
const swingSchema = z
  .number()
  .min(0.01, { message: 'must be between 1 % and 100 %' })
  .max(1, { message: 'must be between 1 % and 100 %' });

/** A short tick for the runway axis: "18 mo". */
function formatMonthTick(months: number): string {
  return `${formatNumber(months)} mo`;
}

/**
 * Sensitivity: which inputs move the focused strategy's 12-month spend or cash runway most when each swings
 * across its range (or ±20 % without one), as a tornado chart with its table.
 */
export function SensitivitySection() {
  const scenario = useFiguresScenario();
  const result = useSimulation();
  const focus = useFocusStrategy();
  const setFocusStrategy = usePlannerStore((s) => s.setFocusStrategy);
  const [metric, setMetric] = useState<SensitivityMetric>('spend');
  const [swing, setSwing] = useState(DEFAULT_SWING);
  const [showAll, setShowAll] = useState<ShowAll>({ moving: false, cash: false });
  const query = useAnalysis(scenario, 'sensitivity', focus?.id ?? '', swing);
  const drawn = useDrawnState(query);
  const cheapest = selectCheapestStrategy(scenario);

  if (!focus || (query.status === 'success' && !query.data)) {
    return (
      <section className="sensitivity" aria-labelledby="sensitivity-title">
        <h2 id="sensitivity-title">Sensitivity</h2>
        <p>Add a strategy on the Strategies screen to see which inputs move its spend and runway most.</p>
      </section>
    );
  }
  const spendName = describeFirstYear(scenario);

  return (
    <section className="sensitivity" aria-labelledby="sensitivity-title" aria-busy={isBusy(drawn)}>
      <div className="section-head">
        <h2 id="sensitivity-title">Sensitivity: what moves the outcome most</h2>
      </div>
      <p className="muted sensitivity__intro">
        Each input swings on its own across its range — yours where you gave one (◆), else the swing below —
        while every other input stays at its likely value.
      </p>
      <p className="muted sensitivity__intro">
        Quality bars are not swung: a bar is your policy, not an uncertainty.
      </p>
      <div className="toolbar sensitivity__controls">
        <StrategySelect
          label="Strategy"
          strategies={result.strategies}
          value={focus.id}
          cheapestId={cheapest?.id ?? null}
          onChange={setFocusStrategy}
        />
        <div className="field">
          <span className="field__label" id="sensitivity-metric-label">
            Outcome
          </span>
          <div className="sensitivity__segmented" role="group" aria-labelledby="sensitivity-metric-label">
            {(['spend', 'runway'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className="button"
                aria-pressed={metric === option}
                onClick={() => setMetric(option)}
              >
                {option === 'spend' ? spendName : 'Cash runway'}
              </button>
            ))}
          </div>
        </div>
        <div className="sensitivity__swing">
          <NumberField
            label="Swing where no range (±)"
            value={swing}
            schema={swingSchema}
            percent
            onCommit={(value) => {
              setSwing(value);
              return null;
            }}
            testId="sensitivity-swing"
          />
        </div>
      </div>

      <PendingResult
        state={drawn}
        computing={`Swinging each input of ${focus.name}…`}
        failure="The sensitivity could not be computed"
        minHeight={TORNADO_CHROME_PX + TORNADO_ROW_PX * TOP_COUNT}
      >
        {(analysis) =>
          analysis && (
            <SensitivityResults
              analysis={analysis}
              showAll={showAll}
              onShowAll={setShowAll}
              metric={metric}
              metricName={metric === 'spend' ? spendName : 'cash runway'}
            />
          )
        }
      </PendingResult>
    </section>
  );
}

/** The tornado charts and lists of one analysis, on the metric chosen. */
function SensitivityResults({
  analysis,
  showAll: { moving: showAllMoving, cash: showAllCash },
  onShowAll,
  metric,
  metricName,
}: {
  analysis: SensitivityResult;
  showAll: ShowAll;
  onShowAll: (update: (showAll: ShowAll) => ShowAll) => void;
  metric: SensitivityMetric;
  metricName: string;
}) {
  const display = useMoneyDisplay();
  /** A short tick for a money axis, in the display currency: "€480K". */
  const formatSpendTick = (usd: number, axisTop: number) =>
    formatMoneyTick(toDisplayAmount(usd, display), display.currency, toDisplayAmount(axisTop, display));
  const ranked = rankSensitivity(analysis.entries, metric);
  const { moving, beyondHorizon, still } = splitByEffect(ranked, metric, analysis.baseline);
  const shown = showAllMoving ? moving : moving.slice(0, TOP_COUNT);
  const shownCash = showAllCash ? beyondHorizon : beyondHorizon.slice(0, TOP_COUNT);
  const horizon = analysis.horizonMonths;
  const baselineValue = readOutcomeValue(analysis.baseline, metric, horizon);
  const baselineText = formatOutcome(analysis.baseline, metric, horizon, display);

  return (
    <>
      {moving.length === 0 ? (
        <p className="notice notice--info sensitivity__none" role="status">
          {metric === 'runway' && analysis.baseline.runwayMonths === null
            ? `Cash lasts beyond ${formatMonths(horizon)} under ${analysis.strategyName} at both ends of every input's range.`
            : `No input moves the ${metricName} of ${analysis.strategyName} across its range (${baselineText}).`}
        </p>
      ) : (
        <ChartFrame
          title={`What moves the ${metricName}: ${analysis.strategyName}`}
          summary={describeSensitivity(analysis, moving, metric, metricName, display)}
          table={buildSensitivityTable(shown, metric, metricName, analysis, display)}
          height={TORNADO_CHROME_PX + TORNADO_ROW_PX * shown.length}
        >
          <TornadoChart
            rows={buildTornadoRows(shown, metric, horizon, display)}
            baseline={baselineValue}
            baselineLabel={`Likely: ${baselineText}`}
            formatTick={metric === 'spend' ? formatSpendTick : formatMonthTick}
          />
        </ChartFrame>
      )}

      <div className="sensitivity__footer">
        {moving.length > TOP_COUNT && (
          <button
            type="button"
            className="button"
            onClick={() => onShowAll((v) => ({ ...v, moving: !v.moving }))}
          >
            {showAllMoving ? `Show the top ${TOP_COUNT}` : `Show all ${moving.length} inputs that move it`}
          </button>
        )}
        {moving.length > 0 && (
          <p className="muted sensitivity__count" role="status">
            Showing {shown.length} of the {moving.length} inputs that move the {metricName}, largest swing
            first.
          </p>
        )}
      </div>

      {beyondHorizon.length > 0 && (
        <>
          <ChartFrame
            title={`What moves the ${CASH_AT_END_NAME}: ${analysis.strategyName}`}
            summary={
              `Cash lasts beyond ${formatMonths(horizon)} at both ends of these inputs' ranges, so the runway ` +
              `cannot tell the ends apart; the cash left at the end of the horizon can. ` +
              describeSensitivity(analysis, beyondHorizon, 'cash', CASH_AT_END_NAME, display)
            }
            table={buildSensitivityTable(shownCash, 'cash', CASH_AT_END_NAME, analysis, display)}
            height={TORNADO_CHROME_PX + TORNADO_ROW_PX * shownCash.length}
          >
            <TornadoChart
              rows={buildTornadoRows(shownCash, 'cash', horizon, display)}
              baseline={readOutcomeValue(analysis.baseline, 'cash', horizon)}
              baselineLabel={`Likely: ${formatOutcome(analysis.baseline, 'cash', horizon, display)}`}
              formatTick={formatSpendTick}
            />
          </ChartFrame>
          {beyondHorizon.length > TOP_COUNT && (
            <div className="sensitivity__footer">
              <button
                type="button"
                className="button"
                onClick={() => onShowAll((v) => ({ ...v, cash: !v.cash }))}
              >
                {showAllCash
                  ? `Show the top ${TOP_COUNT}`
                  : `Show all ${beyondHorizon.length} inputs that move the ${CASH_AT_END_NAME}`}
              </button>
            </div>
          )}
        </>
      )}

      {still.length > 0 && (
        <details className="sensitivity__still">
          <summary>
            {still.length} {still.length === 1 ? 'input does' : 'inputs do'} not move the {metricName}
          </summary>
          <p>{still.map((entry) => entry.input.label).join('; ')}.</p>
        </details>
      )}
      {metric === 'runway' && (
        <p className="muted sensitivity__note">
          Cash runway is the number of months until cash first goes below zero; a runway beyond the{' '}
          {formatMonths(horizon)} horizon is drawn at {formatMonths(horizon)}. Inputs whose ends both outlast
          the horizon are compared by the {CASH_AT_END_NAME} instead.
        </p>
      )}
    </>
  );
}
