import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AssignStrategy, OptimisedChoice } from '../../domain/optimise';
import { indexEvaluations } from '../../domain/quality';
import type { Scenario } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { measureSavings } from '../../domain/strategy-figures';
import { addStrategy } from '../../state/scenario-edits';
import { usePlannerStore } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { formatMonth, formatMonths, formatNumber, formatPercent, formatUnitCost } from '../../format/format';
import { Money, useMoneyDisplay } from '../../ui/money';
import { describeFirstYear } from '../../format/outcome-text';
import { describeConstraints, describeConstraintKind } from '../../format/constraint-text';
import { QualityScore } from '../../ui/quality-score';
import { PendingResult, isBusy, useDrawnState } from '../../ui/pending-result';
import { FIRST_ROWS, RowLimitToggle, useRowLimit } from '../../ui/row-limit';
import { useAnalysis } from '../../queries/analysis-queries';
import type { OptimiseOutcome } from '../../queries/analysis-queries';
import { describeModel, findSameAssignment, makeKeptStrategy } from './optimise-figures';

/** Totals within a cent are the same spend (sums of millions of calls differ in their last digits). */
const SAME_SPEND_USD = 0.01;

/**
 * Room kept for the answer until it is drawn, px: its figures and the table's head, then a row per slice shown
 * (`FIRST_ROWS` at most) and the line that shows the rest. Without it the sections below start in view, so the
 * browser lays out their answers as they arrive, in the same frame as this table; kept out of view, they are laid
 * out only as they are scrolled to (`content-visibility` in optimise.css).
 */
const RESULT_CHROME_PX = 150;
const RESULT_ROW_PX = 34;
const ROW_LIMIT_LINE_PX = 40;
function reservedHeight(slices: number): number {
  const rows = Math.min(slices, FIRST_ROWS);
  return RESULT_CHROME_PX + RESULT_ROW_PX * rows + (slices > rows ? ROW_LIMIT_LINE_PX : 0);
}

/** What keeping the assignment as a strategy did. */
type KeepMessage = { kind: 'added' | 'refused'; text: string };

type AssignmentSectionProps = {
  scenario: Scenario;
  /** The cheapest strategy the scenario has now (lowest first-year spend). */
  cheapest: StrategyResult | null;
};

/** The section's title and what it finds; `children` go beside the title (the keep button). */
function AssignmentHead({ scenario, children }: { scenario: Scenario; children?: ReactNode }) {
  return (
    <div className="section-head">
      <div>
        <h2 id="optimise-assignment-title">Optimised assignment</h2>
        <p className="optimise-lead">
          One model per slice: the cheapest over {formatMonths(scenario.horizonMonths)} that meets the slice’s
          quality bar and holds its prompt and answer. Capacity-billed models are grouped when slices sharing
          their units cost less.
        </p>
      </div>
      {children}
    </div>
  );
}

/** "Keep as a strategy", once the assignment is in; says when it is kept already. */
function KeepControl({
  scenario,
  strategy,
  onKeep,
}: {
  scenario: Scenario;
  /** The optimised assignment; null while it computes. */
  strategy: AssignStrategy | null;
  onKeep: (message: KeepMessage) => void;
}) {
  const [edit, setFocusStrategy] = usePlannerStore(useShallow((s) => [s.edit, s.setFocusStrategy]));
  const same = strategy && findSameAssignment(scenario, strategy);

  function keep() {
    if (!strategy) return;
    const kept = makeKeptStrategy(scenario, strategy);
    const outcome = edit((s) => addStrategy(s, kept));
    const refused = describeRefusal(outcome);
    if (refused) {
      onKeep({ kind: 'refused', text: `The strategy ${refused}` });
      return;
    }
    setFocusStrategy(kept.id);
    onKeep({
      kind: 'added',
      text: `Added “${kept.name}” to the strategies. It now appears on the Compare and Strategies screens.`,
    });
  }

  return (
    <div className="optimise-keep">
      <button
        type="button"
        className="button button--primary"
        onClick={keep}
        disabled={!strategy || scenario.traffic.length === 0 || same !== null}
      >
        Keep as a strategy
      </button>
      {same && <span className="optimise-keep__note">Already kept as “{same.name}”.</span>}
    </div>
  );
}

/**
 * The optimised assignment: per slice, the model and what it costs; the total against today's cheapest strategy.
 * Computed in the background: a status line says so until the assignment for this scenario is in.
 */
export function AssignmentSection({ scenario, cheapest }: AssignmentSectionProps) {
  const query = useAnalysis(scenario, 'optimise');
  const drawn = useDrawnState(query);
  // Kept here: keeping the assignment changes the scenario, so the result below is computed afresh.
  const [message, setMessage] = useState<KeepMessage | null>(null);
  return (
    <section
      className="optimise-section"
      aria-labelledby="optimise-assignment-title"
      aria-busy={isBusy(drawn)}
    >
      <AssignmentHead scenario={scenario}>
        <KeepControl
          scenario={scenario}
          strategy={query.status === 'success' ? query.data.optimised.strategy : null}
          onKeep={setMessage}
        />
      </AssignmentHead>
      <div role="status" className="optimise-status">
        {message && (
          <p className={message.kind === 'added' ? 'notice notice--info' : 'notice notice--warn'}>
            {message.text}
          </p>
        )}
      </div>

      {/* The room is kept while the table's first rows come in too (`useRowLimit`), not only while it computes;
          a failure is one line, and keeps none. */}
      <div
        style={drawn.status === 'error' ? undefined : { minHeight: reservedHeight(scenario.traffic.length) }}
      >
        <PendingResult
          state={drawn}
          computing="Computing the optimised assignment…"
          failure="The optimised assignment could not be computed"
        >
          {(outcome) => <AssignmentResult scenario={scenario} outcome={outcome} cheapest={cheapest} />}
        </PendingResult>
      </div>
    </section>
  );
}

function AssignmentResult({
  scenario,
  outcome,
  cheapest,
}: AssignmentSectionProps & { outcome: OptimiseOutcome }) {
  const display = useMoneyDisplay();
  const tableId = useId();
  // The constraints are the same verdict as every other screen: what the assignment, kept as a strategy, would
  // break.
  const { optimised, constraints } = outcome;
  const limit = useRowLimit(optimised.choices.length);
  const firstMonth = formatMonth(0, scenario.startMonth);
  const horizon = formatMonths(scenario.horizonMonths);
  const findEvaluation = indexEvaluations(scenario.evaluations);
  const evaluationOf = (choice: OptimisedChoice) => findEvaluation(choice.model.id, choice.sliceId);
  const savings = cheapest ? measureSavings(cheapest, optimised.result) : null;
  const saving = savings?.horizonUsd ?? 0;
  const firstYearSaving = savings?.firstYearUsd ?? 0;

  return (
    <>
      <dl className="figure-tiles optimise-figures">
        <div className="figure-tiles__item">
          <dt>Optimised, {horizon}</dt>
          <dd>
            <Money usd={optimised.result.totals.spend} testId="optimised-spend" />
            <span className="figure-tiles__sub">
              {describeFirstYear(scenario)}: <Money usd={optimised.result.totals.firstYearSpend} />
            </span>
          </dd>
        </div>
        {cheapest && (
          <div className="figure-tiles__item">
            <dt>Cheapest strategy now: {cheapest.name}</dt>
            <dd>
              <Money usd={cheapest.totals.spend} testId="cheapest-spend" />
              <span className="figure-tiles__sub">
                {describeFirstYear(scenario)}: <Money usd={cheapest.totals.firstYearSpend} />
              </span>
            </dd>
          </div>
        )}
        {cheapest && (
          <div className="figure-tiles__item">
            <dt>
              {saving >= 0 ? 'Saving' : 'Extra cost'} over {horizon}
            </dt>
            <dd className={saving < 0 ? 'is-negative' : undefined}>
              <Money usd={Math.abs(saving)} testId="optimised-saving" />
              <span className="figure-tiles__sub">
                {savings && savings.horizonShare !== null
                  ? `${formatPercent(Math.abs(savings.horizonShare))} · `
                  : ''}
                {describeFirstYear(scenario)}: {firstYearSaving >= 0 ? 'saves ' : 'costs '}
                <Money usd={Math.abs(firstYearSaving)} />
              </span>
            </dd>
          </div>
        )}
      </dl>
      {cheapest && Math.abs(saving) <= SAME_SPEND_USD && (
        <p className="optimise-note">
          The optimised assignment spends the same as “{cheapest.name}”: the scenario already has the cheapest
          choice.
        </p>
      )}
      {cheapest && saving < -SAME_SPEND_USD && constraints.length === 0 && (
        <p className="optimise-note">
          “{cheapest.name}” costs less: it sends part of the traffic to models below a slice’s quality bar (as
          cascades and routers do). The optimised assignment keeps every request at or above its bar.
        </p>
      )}
      {constraints.length > 0 && (
        <p className="notice notice--warn" data-testid="optimise-constraints">
          The optimised assignment still breaks a constraint where no model in the catalog can meet it (each
          slice keeps the best model that fits): {describeConstraints(constraints, scenario)}.
        </p>
      )}

      <div className="table-scroll">
        <table id={tableId} className="data-table optimise-table">
          <caption className="visually-hidden">Optimised model per slice</caption>
          <thead>
            <tr>
              <th scope="col">Slice</th>
              <th scope="col" className="num">
                Bar
              </th>
              <th scope="col">Model</th>
              <th scope="col" className="num">
                Quality
              </th>
              <th scope="col" className="num">
                Cost per request
              </th>
              <th scope="col" className="num">
                {firstMonth}
              </th>
              <th scope="col" className="num">
                {horizon}
              </th>
            </tr>
          </thead>
          <tbody>
            {optimised.choices.slice(0, limit.count).map((choice, index) => (
              <tr
                key={index}
                className={constraints.some((c) => c.sliceId === choice.sliceId) ? 'is-unmet' : undefined}
              >
                <th scope="row">{choice.sliceName}</th>
                <td className="num">{formatNumber(scenario.traffic[index]?.qualityBar ?? 0)}</td>
                <td>
                  {describeModel(choice.model)}
                  {choice.model.pricing.kind === 'capacity' && (
                    <span className="badge badge--neutral">capacity</span>
                  )}
                  {[
                    ...new Set(constraints.filter((c) => c.sliceId === choice.sliceId).map((c) => c.kind)),
                  ].map((kind) => (
                    <span key={kind} className="badge badge--warn">
                      {describeConstraintKind(kind)}
                    </span>
                  ))}
                </td>
                <td className="num">
                  <QualityScore
                    score={evaluationOf(choice)?.score ?? choice.model.quality}
                    evaluated={evaluationOf(choice) !== undefined}
                    source={evaluationOf(choice)?.source}
                  />
                </td>
                <td className="num">
                  {choice.costPerRequest === null ? '—' : formatUnitCost(choice.costPerRequest, display)}
                  {choice.model.pricing.kind === 'capacity' && choice.costPerRequest !== null && (
                    <span className="th-sub">average</span>
                  )}
                </td>
                <td className="num">
                  <Money usd={choice.firstMonthCost} />
                </td>
                <td className="num">
                  <Money usd={choice.horizonCost} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RowLimitToggle limit={limit} what="slices" tableId={tableId} />
    </>
  );
}
