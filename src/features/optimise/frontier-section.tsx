import { useCallback, useId, useMemo } from 'react';
import type { ParetoPoint } from '../../domain/pareto';
import type { FrontierOnPage } from '../../queries/analysis-queries';
import type { Scenario, Slice } from '../../domain/scenario-schema';
import { ChartFrame } from '../../charts/chart-frame';
import { CostQualityChart } from '../../charts/cost-quality-chart';
import { indexEvaluations } from '../../domain/quality';
import { useAnalysis } from '../../queries/analysis-queries';
import { formatNumber, formatUnitCost } from '../../format/format';
import { useMoneyDisplay } from '../../ui/money';
import type { MoneyDisplay } from '../../format/format';
import { unitCostCell } from '../../charts/chart-table';
import type { LazyChartTable } from '../../charts/chart-table';
import { QualityScore, describeScore } from '../../ui/quality-score';
import { PendingResult, isBusy, useDrawnState } from '../../ui/pending-result';
import { useOptionsWhenIdle } from '../../ui/select-field';
import { describeModel } from './optimise-figures';

/** The chart's height, px; kept while the frontier computes. */
const CHART_HEIGHT = 360;

type FrontierSectionProps = {
  scenario: Scenario;
  sliceIndex: number;
  onSliceChange: (index: number) => void;
};

/**
 * Cost against quality for one slice, with its Pareto frontier as a chart, its table, and the frontier listed.
 * The frontier is computed in the background; the slice stays selectable meanwhile.
 */
export function FrontierSection({ scenario, sliceIndex, onSliceChange }: FrontierSectionProps) {
  const selectId = useId();
  const slice = scenario.traffic[sliceIndex];
  const query = useDrawnState(useAnalysis(scenario, 'frontier', sliceIndex));
  const sliceOptions = useOptionsWhenIdle(scenario.traffic.length);
  if (!slice) return null;

  return (
    <section className="optimise-section" aria-labelledby="optimise-frontier-title" aria-busy={isBusy(query)}>
      <div className="section-head">
        <h2 id="optimise-frontier-title">Cost against quality</h2>
        <div className="field optimise-select">
          <label htmlFor={selectId} className="field__label">
            Slice
          </label>
          <select
            id={selectId}
            value={sliceIndex}
            onChange={(event) => onSliceChange(Number(event.target.value))}
            {...sliceOptions.reach}
          >
            {scenario.traffic.map((s, index) =>
              sliceOptions.allShown || index === sliceIndex ? (
                <option key={index} value={index}>
                  {s.name}
                </option>
              ) : null,
            )}
          </select>
        </div>
      </div>
      <PendingResult
        state={query}
        computing={`Computing cost against quality for ${slice.name}…`}
        failure="Cost against quality could not be computed"
        minHeight={CHART_HEIGHT}
      >
        {(frontier) => frontier && <FrontierResult scenario={scenario} slice={slice} frontier={frontier} />}
      </PendingResult>
    </section>
  );
}

/**
 * The frontier of a slice: its summary, the chart with the table behind it, and the frontier listed. The table's
 * rows and the chart's points are made by components of their own, so that React can yield between them while
 * it draws thousands of models.
 */
function FrontierResult({
  scenario,
  slice,
  frontier,
}: {
  scenario: Scenario;
  slice: Slice;
  frontier: FrontierOnPage;
}) {
  const display = useMoneyDisplay();
  const findEvaluation = useMemo(() => indexEvaluations(scenario.evaluations), [scenario.evaluations]);
  const isEvaluated = useCallback(
    (modelId: string) => findEvaluation(modelId, slice.id) !== undefined,
    [findEvaluation, slice.id],
  );
  const cheapestMeeting = frontier.frontier.find((point) => point.meetsBar) ?? null;
  const excluded =
    frontier.excludedForContext > 0
      ? ` ${formatNumber(frontier.excludedForContext)} more cannot hold its ${formatNumber(slice.inputTokens + slice.outputTokens)} tokens and are left out.`
      : '';
  const summary =
    frontier.points.length === 0
      ? `No per-token model holds this slice's prompt and answer.${excluded}`
      : `${formatNumber(frontier.points.length)} per-token models fit this slice; ${formatNumber(frontier.frontier.length)} are on the frontier (no other model is both cheaper and at least as good).${excluded} ` +
        (cheapestMeeting
          ? `The cheapest at or above the bar of ${formatNumber(slice.qualityBar)} is ${describeModel(cheapestMeeting.model)} at ${formatUnitCost(cheapestMeeting.costPerRequest, display)} per request.`
          : `None reaches the bar of ${formatNumber(slice.qualityBar)}.`);

  return (
    <>
      <div className="optimise-frontier">
        <FrontierFigure
          slice={slice}
          frontier={frontier}
          summary={summary}
          isEvaluated={isEvaluated}
          display={display}
        />
        <div className="optimise-frontier__list">
          <h3>The frontier, cheapest first</h3>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">
                Models on the cost–quality frontier for {slice.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col" className="num">
                    Per request
                  </th>
                  <th scope="col" className="num">
                    Quality
                  </th>
                </tr>
              </thead>
              <tbody>
                {frontier.frontier.map((point, index) => (
                  <tr key={index} className={point === cheapestMeeting ? 'is-pick' : undefined}>
                    <th scope="row">
                      {describeModel(point.model)}
                      {point === cheapestMeeting && (
                        <span className="badge badge--good">cheapest at bar</span>
                      )}
                    </th>
                    <td className="num">{formatUnitCost(point.costPerRequest, display)}</td>
                    <td className={point.meetsBar ? 'num' : 'num is-below'}>
                      <QualityScore
                        score={point.quality}
                        evaluated={isEvaluated(point.model.id)}
                        source={findEvaluation(point.model.id, slice.id)?.source}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </>
  );
}

type FrontierFigureProps = {
  slice: Slice;
  frontier: FrontierOnPage;
  summary: string;
  isEvaluated: (modelId: string) => boolean;
  display: MoneyDisplay;
};

/** The chart in its frame, with the table behind it: every model that fits the slice, cheapest first. */
function FrontierFigure({ slice, frontier, summary, isEvaluated, display }: FrontierFigureProps) {
  // Made only when shown or copied: formatting 10,000 rows would hold the page while the chart is drawn.
  const table: LazyChartTable = {
    columns: ['Model', 'Cost per request', 'Quality', 'On the frontier', 'Meets the bar'],
    rowCount: frontier.points.length,
    makeRows: () =>
      [...frontier.points]
        .sort((a, b) => a.costPerRequest - b.costPerRequest)
        .map((point) => [
          describeModel(point.model),
          unitCostCell(point.costPerRequest, display),
          describeScore(point.quality, isEvaluated(point.model.id)),
          point.onFrontier ? 'Yes' : 'No',
          point.meetsBar ? 'Yes' : 'No',
        ]),
  };
  return (
    <ChartFrame
      title={`Cost per request and quality: ${slice.name}`}
      summary={summary}
      table={table}
      height={CHART_HEIGHT}
    >
      <FrontierChart slice={slice} frontier={frontier} isEvaluated={isEvaluated} display={display} />
    </ChartFrame>
  );
}

/** The chart of the frontier's points, each model named, "(your eval)" where your evaluation scored it. */
function FrontierChart({ slice, frontier, isEvaluated, display }: Omit<FrontierFigureProps, 'summary'>) {
  const nameOf = useCallback(
    (point: ParetoPoint) =>
      isEvaluated(point.model.id) ? `${describeModel(point.model)} (your eval)` : describeModel(point.model),
    [isEvaluated],
  );
  return (
    <CostQualityChart
      points={frontier.points}
      nameOf={nameOf}
      qualityBar={slice.qualityBar}
      display={display}
    />
  );
}
