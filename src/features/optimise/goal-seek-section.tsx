import { selectCatalogPlatforms } from '../../state/selectors';
import { useOptionsWhenIdle } from '../../ui/select-field';
import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { useAnalysis } from '../../queries/analysis-queries';
import { PendingResult, isBusy, useDrawnState } from '../../ui/pending-result';
import type { PendingState } from '../../ui/pending-result';
import type { Scenario } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { formatMonth, formatMonths, formatPercent } from '../../format/format';
import { Money } from '../../ui/money';
import { NumberField } from '../../ui/number-field';
import { StrategySelect } from '../../ui/strategy-select';
import { findExtent } from '../../charts/chart-series';

const ALL_PLATFORMS = '*';

type GoalSeekSectionProps = {
  scenario: Scenario;
  strategies: readonly StrategyResult[];
  cheapestId: string | null;
  /** The strategy to start from (the focused one). */
  initialStrategyId: string;
};

function describeGrowthRange(scenario: Scenario): string {
  const extent = findExtent(scenario.traffic.map((slice) => slice.monthlyGrowth));
  if (extent === null) return '';
  const { min: low, max: high } = extent;
  return low === high
    ? `Today every slice grows ${formatPercent(low)} a month.`
    : `Today the slices grow ${formatPercent(low)} to ${formatPercent(high)} a month.`;
}

/**
 * A goal's answer, sought in the background: announced politely once in (the region is busy until then), or
 * what went wrong; `after` stays below it throughout.
 */
function GoalAnswer<T>({
  state,
  computing,
  failure,
  testId,
  after,
  staleNote = null,
  children,
}: {
  state: PendingState<T | null>;
  computing: string;
  failure: string;
  testId: string;
  after?: ReactNode;
  /** Said above the answer, which is dimmed, while the question's field holds a value that is not valid. */
  staleNote?: string | null;
  children: (answer: T) => ReactNode;
}) {
  const drawn = useDrawnState(state);
  return (
    <div
      className={`optimise-goal__answer${staleNote ? ' optimise-goal__answer--stale' : ''}`}
      aria-live="polite"
      aria-busy={isBusy(drawn)}
    >
      {staleNote && <p className="optimise-goal__stale">{staleNote}</p>}
      <div className="optimise-goal__result">
        <PendingResult state={drawn} computing={computing} failure={failure}>
          {(answer) => answer !== null && <div data-testid={testId}>{children(answer)}</div>}
        </PendingResult>
      </div>
      {after}
    </div>
  );
}

/** Goal seeking: how fast traffic may grow for cash to last N months; what credits make cash last to a month. */
export function GoalSeekSection({
  scenario,
  strategies,
  cheapestId,
  initialStrategyId,
}: GoalSeekSectionProps) {
  const monthSelectId = useId();
  const platformSelectId = useId();
  const horizon = scenario.horizonMonths;
  const [strategyId, setStrategyId] = useState(initialStrategyId);
  const [months, setMonths] = useState(() => Math.min(12, horizon));
  const [monthsValid, setMonthsValid] = useState(true);
  const [targetMonth, setTargetMonth] = useState(horizon - 1);
  const [platform, setPlatform] = useState(ALL_PLATFORMS);
  const monthOptions = useOptionsWhenIdle(horizon);

  const strategy = scenario.strategies.find((s) => s.id === strategyId) ?? scenario.strategies[0];
  const monthsWanted = Math.min(months, horizon);
  const lastMonth = Math.min(targetMonth, horizon - 1);
  const platforms = selectCatalogPlatforms(scenario.catalog);
  const coverageId = platforms.includes(platform) ? platform : ALL_PLATFORMS;

  const strategyIdSought = strategy?.id ?? '';
  const growthQuery = useAnalysis(scenario, 'growthGoal', strategyIdSought, monthsWanted);
  const creditQuery = useAnalysis(scenario, 'creditGoal', strategyIdSought, lastMonth + 1, [coverageId]);
  const monthsSchema = useMemo(
    () =>
      z
        .number()
        .int('must be a whole number')
        .min(1, `must be between 1 and ${horizon}`)
        .max(horizon, `must be between 1 and ${horizon}`),
    [horizon],
  );

  if (!strategy) return null;
  const throughGrowth = formatMonth(monthsWanted - 1, scenario.startMonth);
  const throughCredits = formatMonth(lastMonth, scenario.startMonth);
  const coverage = coverageId === ALL_PLATFORMS ? 'every platform' : coverageId;

  return (
    <section className="optimise-section" aria-labelledby="optimise-goal-title">
      <div className="section-head">
        <h2 id="optimise-goal-title">Goal seeking</h2>
        <StrategySelect
          label="Strategy"
          strategies={strategies}
          value={strategy.id}
          cheapestId={cheapestId}
          onChange={setStrategyId}
        />
      </div>
      <div className="optimise-goals">
        <div className="card optimise-goal">
          <h3>How fast can traffic grow?</h3>
          <p className="optimise-lead">
            The same monthly growth for every slice (“our whole traffic grows X % a month”), each slice from
            its volume today, with the credits and cash of the scenario.
          </p>
          <div className="optimise-goal__inputs">
            <NumberField
              label="Cash must last"
              value={monthsWanted}
              schema={monthsSchema}
              unit="months"
              onCommit={(value) => {
                setMonths(value);
                return null;
              }}
              hint={`through ${throughGrowth}`}
              testId="goal-months"
              onValidityChange={setMonthsValid}
            />
          </div>
          <GoalAnswer
            state={growthQuery}
            computing="Seeking the fastest growth…"
            failure="The growth could not be sought"
            testId="growth-answer"
            staleNote={
              monthsValid ? null : `For cash lasting ${formatMonths(monthsWanted)}, the last valid value:`
            }
            after={<p className="muted">{describeGrowthRange(scenario)}</p>}
          >
            {(growthGoal) => (
              <>
                {growthGoal.status === 'growth' && (
                  <p>
                    Up to{' '}
                    <strong className="optimise-goal__figure">
                      {formatPercent(growthGoal.maxMonthlyGrowth ?? 0)}
                    </strong>{' '}
                    a month, and cash still lasts {formatMonths(growthGoal.months)}.
                  </p>
                )}
                {growthGoal.status === 'unbounded' && (
                  <p>
                    Any growth up to <strong className="optimise-goal__figure">1,000%</strong> a month: cash
                    lasts {formatMonths(growthGoal.months)} whatever the traffic does.
                  </p>
                )}
                {growthGoal.status === 'unreachable' && (
                  <p className="notice notice--warn">
                    Not even shrinking traffic gets there: cash runs out in{' '}
                    {formatMonth(growthGoal.result.runwayMonths ?? 0, scenario.startMonth)} with almost no
                    traffic, because of the other monthly burn or the first months’ bill.
                  </p>
                )}
              </>
            )}
          </GoalAnswer>
        </div>

        <div className="card optimise-goal">
          <h3>What credits keep cash positive?</h3>
          <p className="optimise-lead">
            The smallest extra credit pool, usable from {formatMonth(0, scenario.startMonth)} and never
            expiring, drawn after the pools you have.
          </p>
          <div className="optimise-goal__inputs">
            <div className="field">
              <label htmlFor={monthSelectId} className="field__label">
                Cash lasts through
              </label>
              <select
                id={monthSelectId}
                value={lastMonth}
                onChange={(event) => setTargetMonth(Number(event.target.value))}
                {...monthOptions.reach}
              >
                {Array.from({ length: horizon }, (_, index) =>
                  monthOptions.allShown || index === lastMonth ? (
                    <option key={index} value={index}>
                      {formatMonth(index, scenario.startMonth)}
                    </option>
                  ) : null,
                )}
              </select>
            </div>
            <div className="field">
              <label htmlFor={platformSelectId} className="field__label">
                Credits pay for
              </label>
              <select
                id={platformSelectId}
                value={coverageId}
                onChange={(event) => setPlatform(event.target.value)}
              >
                <option value={ALL_PLATFORMS}>Every platform</option>
                {platforms.map((p) => (
                  <option key={p} value={p}>
                    {p} only
                  </option>
                ))}
              </select>
            </div>
          </div>
          <GoalAnswer
            state={creditQuery}
            computing="Seeking the credits needed…"
            failure="The credits needed could not be sought"
            testId="credits-answer"
          >
            {(creditGoal) => (
              <>
                {creditGoal.status === 'enough' && (
                  <p>
                    <strong className="optimise-goal__figure">No extra credits</strong>: cash already lasts
                    through {throughCredits}.
                  </p>
                )}
                {creditGoal.status === 'amount' && (
                  <p>
                    <strong className="optimise-goal__figure">
                      <Money usd={creditGoal.amount ?? 0} testId="credits-needed" />
                    </strong>{' '}
                    more credits on {coverage} keep cash positive through {throughCredits}.
                  </p>
                )}
                {creditGoal.status === 'unreachable' && (
                  <p className="notice notice--warn">
                    Credits cannot get there: they pay AI spend only. Even with all of it on {coverage}{' '}
                    covered, cash runs out in {formatMonth(creditGoal.shortMonth ?? 0, scenario.startMonth)}.
                  </p>
                )}
              </>
            )}
          </GoalAnswer>
        </div>
      </div>
    </section>
  );
}
