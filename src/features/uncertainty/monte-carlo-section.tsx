import { useMemo, useState } from 'react';
import { z } from 'zod';
import { ChartFrame } from '../../charts/chart-frame';
import { FanChart } from '../../charts/fan-chart';
import { DEFAULT_MONTE_CARLO_SAMPLES } from '../../domain/monte-carlo';
import { listUncertainInputs } from '../../domain/uncertain-inputs';
import { useMonteCarlo, useMonteCarloProgress } from '../../queries/monte-carlo-queries';
import type { MonteCarloProgressStore } from '../../queries/monte-carlo-queries';
import { selectCheapestStrategy } from '../../state/selectors';
import { useFiguresScenario, useFocusStrategy, useSimulation } from '../../state/figures';
import { usePlannerStore } from '../../state/scenario-store';
import { useMoneyDisplay } from '../../ui/money';
import { formatMonth, formatNumber } from '../../format/format';
import { NumberField } from '../../ui/number-field';
import { describeFirstYear } from '../../format/outcome-text';
import { StrategySelect } from '../../ui/strategy-select';
import { CreditsChance } from './credits-chance';
import { buildFanTable, describeFan, pickDefaultMonth } from './monte-carlo-figures';
import { PercentileTable } from './percentile-table';
import { RangedInputs } from './ranged-inputs';

export const MIN_SAMPLES = 100;
export const MAX_SAMPLES = 20_000;
const MAX_SEED = 2 ** 32 - 1;
const FAN_HEIGHT = 340;

const samplesSchema = z
  .number()
  .int({ message: 'must be a whole number' })
  .min(MIN_SAMPLES, {
    message: `must be between ${formatNumber(MIN_SAMPLES)} and ${formatNumber(MAX_SAMPLES)}`,
  })
  .max(MAX_SAMPLES, {
    message: `must be between ${formatNumber(MIN_SAMPLES)} and ${formatNumber(MAX_SAMPLES)}`,
  });
const seedSchema = z
  .number()
  .int({ message: 'must be a whole number' })
  .min(0, { message: `must be between 0 and ${MAX_SEED}` })
  .max(MAX_SEED, { message: `must be between 0 and ${MAX_SEED}` });

/** The status line: how far a run has got, or what the figures shown were computed from. */
function RunStatus({
  store,
  runKey,
  running,
  samples,
  done,
}: {
  store: MonteCarloProgressStore;
  runKey: string;
  running: boolean;
  samples: number;
  done: { samples: number; seed: number } | null;
}) {
  const progress = useMonteCarloProgress(store, runKey, running);
  return (
    <div className="uncertainty__status" role="status">
      {progress ? (
        <>
          <span>
            Running {formatNumber(progress.samples)} samples: {formatNumber(progress.samplesDone)} done
          </span>
          <progress max={progress.samples} value={progress.samplesDone} aria-hidden="true" />
        </>
      ) : running ? (
        <span>Running {formatNumber(samples)} samples…</span>
      ) : done ? (
        <span className="muted">
          {formatNumber(done.samples)} samples, seed {done.seed}.
        </span>
      ) : null}
    </div>
  );
}

/**
 * Monte Carlo: every ranged input drawn together, many times, in a Web Worker; the spread of monthly spend as
 * a fan chart for the focused strategy, P10/P50/P90 of 12-month spend, credits and runway for every strategy,
 * and the chance credits last past a chosen month.
 */
export function MonteCarloSection() {
  const scenario = useFiguresScenario();
  const display = useMoneyDisplay();
  const point = useSimulation();
  const focus = useFocusStrategy();
  const setFocusStrategy = usePlannerStore((s) => s.setFocusStrategy);
  const [samples, setSamples] = useState(DEFAULT_MONTE_CARLO_SAMPLES);
  const [seed, setSeed] = useState(1);
  const [chanceMonth, setChanceMonth] = useState<number | null>(null);
  const { query, progress, runKey } = useMonteCarlo(scenario, { samples, seed });
  const inputs = useMemo(() => listUncertainInputs(scenario), [scenario]);
  const result = query.data;
  const cheapest = selectCheapestStrategy(scenario);
  const spendName = describeFirstYear(scenario);
  const labels = Array.from({ length: scenario.horizonMonths }, (_, m) =>
    formatMonth(m, scenario.startMonth),
  );
  const month = Math.min(chanceMonth ?? pickDefaultMonth(scenario.horizonMonths), scenario.horizonMonths - 1);
  const focusResult = focus && result ? result.strategies.find((s) => s.id === focus.id) : undefined;
  const stale = query.isPlaceholderData || query.isFetching;

  return (
    <section className="uncertainty__monte-carlo" aria-labelledby="monte-carlo-title">
      <div className="section-head">
        <h2 id="monte-carlo-title">Monte Carlo: spend and runway across the ranges</h2>
      </div>
      <p className="muted uncertainty__intro">
        Each sample draws every input that has a range at once, from a triangular distribution between its low
        and high values that peaks at its likely value, and runs every strategy on the result. P10 is the
        figure 1 sample in 10 stays at or below, P50 the median, P90 the figure 9 in 10 stay at or below; for
        a month, the month by which that share of samples has run out.
      </p>
      <RangedInputs inputs={inputs} />

      <div className="toolbar uncertainty__controls">
        <div className="uncertainty__number">
          <NumberField
            label="Samples"
            value={samples}
            schema={samplesSchema}
            hint={`${formatNumber(MIN_SAMPLES)} to ${formatNumber(MAX_SAMPLES)}`}
            onCommit={(value) => {
              setSamples(value);
              return null;
            }}
            testId="monte-carlo-samples"
          />
        </div>
        <div className="uncertainty__number">
          <NumberField
            label="Seed"
            value={seed}
            schema={seedSchema}
            hint="Same seed, same figures"
            onCommit={(value) => {
              setSeed(value);
              return null;
            }}
            grouping={false}
            testId="monte-carlo-seed"
          />
        </div>
        {focus && (
          <StrategySelect
            label="Strategy in the chart"
            strategies={point.strategies}
            value={focus.id}
            cheapestId={cheapest?.id ?? null}
            onChange={setFocusStrategy}
          />
        )}
      </div>

      <RunStatus
        store={progress}
        runKey={runKey}
        running={query.isFetching}
        samples={samples}
        done={result ? { samples: result.samples, seed: result.seed } : null}
      />
      {query.isError && (
        <p className="notice notice--error" role="alert">
          Monte Carlo could not run: {query.error.message}
        </p>
      )}

      {point.strategies.length === 0 ? (
        <p>Add a strategy on the Strategies screen to see how its spend spreads.</p>
      ) : !result ? (
        <div className="uncertainty__pending" style={{ minHeight: FAN_HEIGHT + 110 }} aria-hidden="true" />
      ) : (
        <div className={stale ? 'uncertainty__results is-stale' : 'uncertainty__results'}>
          {focus && focusResult && (
            <ChartFrame
              title={`Monthly spend across samples: ${focus.name}`}
              summary={describeFan(
                focusResult,
                labels,
                focus.months.map((m) => m.spend),
                result.samples,
                display,
              )}
              table={buildFanTable(
                labels,
                focusResult,
                focus.months.map((m) => m.spend),
                display,
              )}
              height={FAN_HEIGHT}
            >
              <FanChart
                labels={labels}
                p10={focusResult.monthlySpend.map((m) => m.p10)}
                p50={focusResult.monthlySpend.map((m) => m.p50)}
                p90={focusResult.monthlySpend.map((m) => m.p90)}
                point={focus.months.map((m) => m.spend)}
                display={display}
              />
            </ChartFrame>
          )}

          <h3 className="uncertainty__subtitle">Every strategy, P10 / P50 / P90</h3>
          <PercentileTable
            result={result}
            timing={scenario}
            spendName={spendName}
            hasPools={scenario.credits.length > 0}
            focusId={focus?.id ?? null}
          />
          <p className="muted uncertainty__note">
            For credits and cash, P10 is the early, cautious month and P90 the late one. “Beyond” means that
            share of samples lasts past the {formatNumber(scenario.horizonMonths)}-month horizon.
          </p>

          <h3 className="uncertainty__subtitle">How likely are the credits to last?</h3>
          {scenario.credits.length === 0 ? (
            <p className="muted">
              No credit pools in this scenario: add one on the Credits and runway screen.
            </p>
          ) : (
            <CreditsChance result={result} scenario={scenario} month={month} onMonthChange={setChanceMonth} />
          )}
        </div>
      )}
    </section>
  );
}
