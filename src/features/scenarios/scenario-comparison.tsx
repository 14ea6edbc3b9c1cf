import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ChartFrame } from '../../charts/chart-frame';
import { MoneyLineChart } from '../../charts/money-line-chart';
import type { StrategyResult } from '../../domain/simulate';
import { selectCheapestStrategy, selectPlan } from '../../state/selectors';
import { usePlannerStore } from '../../state/scenario-store';
import type { LibraryEntry } from '../../state/scenario-store';
import { formatMoney, formatMonth, formatMonths } from '../../format/format';
import { Money, useMoneyDisplay } from '../../ui/money';
import { moneyCell } from '../../charts/chart-table';
import { buildComparisonSeries } from './comparison-series';
import {
  describeCashOut,
  describeCreditsEnd,
  describeFirstYear,
  describeRunwayLength,
} from '../../format/outcome-text';
import { TableScroll } from '../../ui/table-scroll';

const CHEAPEST = '';

type Side = {
  entry: LibraryEntry;
  strategies: StrategyResult[];
  cheapest: StrategyResult | null;
  shown: StrategyResult | null;
};

function resolveSide(entry: LibraryEntry, strategyId: string): Side {
  const plan = selectPlan(entry.scenario);
  // A scenario whose figures overflow shows no strategies here; its own screens list why.
  const strategies = plan.ok ? plan.value.result.strategies : [];
  const cheapest = selectCheapestStrategy(entry.scenario);
  const shown = strategies.find((s) => s.id === strategyId) ?? cheapest;
  return { entry, strategies, cheapest, shown };
}

function SidePicker({
  label,
  testId,
  library,
  side,
  strategyId,
  onPickScenario,
  onPickStrategy,
}: {
  label: string;
  testId: string;
  library: readonly LibraryEntry[];
  side: Side;
  strategyId: string;
  onPickScenario: (id: string) => void;
  onPickStrategy: (id: string) => void;
}) {
  const id = useId();
  const { scenario } = side.entry;
  const chosen = side.strategies.some((s) => s.id === strategyId) ? strategyId : CHEAPEST;
  return (
    <section className="card comparison-side" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} className="visually-hidden">
        {label}: {scenario.name}
      </h3>
      <div className="comparison-side__pickers">
        <div className="field">
          <label htmlFor={`${id}-scenario`} className="field__label">
            {label}
          </label>
          <select
            id={`${id}-scenario`}
            value={side.entry.id}
            onChange={(e) => onPickScenario(e.target.value)}
          >
            {library.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.scenario.name || 'Untitled scenario'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-strategy`} className="field__label">
            Strategy on the chart
          </label>
          <select id={`${id}-strategy`} value={chosen} onChange={(e) => onPickStrategy(e.target.value)}>
            <option value={CHEAPEST}>Cheapest{side.cheapest ? ` (${side.cheapest.name})` : ''}</option>
            {side.strategies.map((strategy) => (
              <option key={strategy.id} value={strategy.id}>
                {strategy.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted comparison-side__meta">
        {formatMonths(scenario.horizonMonths)}
        {scenario.startMonth ? ` from ${formatMonth(0, scenario.startMonth)}` : ', no start month set'} ·{' '}
        {scenario.traffic.length} traffic slice{scenario.traffic.length === 1 ? '' : 's'} ·{' '}
        {scenario.credits.length} credit pool{scenario.credits.length === 1 ? '' : 's'}
      </p>
      {side.strategies.length === 0 ? (
        <p className="muted">This scenario has no strategies yet.</p>
      ) : (
        <TableScroll label={`Strategies of ${scenario.name}`}>
          <table className="data-table comparison-table">
            <caption className="visually-hidden">
              {scenario.name}: each strategy’s spend, credits and runway
            </caption>
            <thead>
              <tr>
                <th scope="col" className="comparison-table__strategy">
                  Strategy
                </th>
                <th scope="col" className="num">
                  {describeFirstYear(scenario)}
                </th>
                <th scope="col" className="num">
                  Horizon spend <span className="th-sub">{formatMonths(scenario.horizonMonths)}</span>
                </th>
                <th scope="col">Credits run out</th>
                <th scope="col" className="comparison-table__runway">
                  Cash runway
                </th>
              </tr>
            </thead>
            <tbody>
              {side.strategies.map((strategy) => (
                <tr key={strategy.id} className={strategy.id === side.shown?.id ? 'is-shown' : undefined}>
                  <th scope="row">
                    {strategy.name}
                    {strategy.id === side.cheapest?.id && <span className="badge badge--good">Cheapest</span>}
                  </th>
                  <td className="num">
                    <Money usd={strategy.totals.firstYearSpend} />
                  </td>
                  <td className="num">
                    <Money usd={strategy.totals.spend} />
                  </td>
                  <td>{describeCreditsEnd(strategy, scenario)}</td>
                  <td>
                    {describeRunwayLength(strategy.runwayMonths, scenario)}
                    {strategy.runwayMonths !== null && (
                      <span className="th-sub">{describeCashOut(strategy.runwayMonths, scenario)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** Two library scenarios side by side: every strategy's figures, and the chosen strategies' monthly spend. */
export function ScenarioComparison() {
  const [library, activeId] = usePlannerStore(useShallow((s) => [s.library, s.activeId]));
  const display = useMoneyDisplay();
  const [firstId, setFirstId] = useState<string | null>(null);
  const [secondId, setSecondId] = useState<string | null>(null);
  const [firstStrategy, setFirstStrategy] = useState(CHEAPEST);
  const [secondStrategy, setSecondStrategy] = useState(CHEAPEST);

  const firstEntry =
    library.find((e) => e.id === firstId) ?? library.find((e) => e.id === activeId) ?? library[0];
  const secondEntry =
    library.find((e) => e.id === secondId) ?? library.find((e) => e.id !== firstEntry?.id) ?? firstEntry;

  if (!firstEntry || !secondEntry) return null;
  const first = resolveSide(firstEntry, firstStrategy);
  const second = resolveSide(secondEntry, secondStrategy);
  const sameName = first.entry.scenario.name === second.entry.scenario.name;

  function describeSeriesName(side: Side, which: string) {
    const scenarioName = `${side.entry.scenario.name || 'Untitled scenario'}${sameName ? ` (${which})` : ''}`;
    return side.shown ? `${scenarioName}: ${side.shown.name}` : scenarioName;
  }

  const plotted = [
    { side: first, name: describeSeriesName(first, 'first') },
    { side: second, name: describeSeriesName(second, 'second') },
  ].filter((p): p is { side: Side & { shown: StrategyResult }; name: string } => p.side.shown !== null);
  const series = buildComparisonSeries(
    plotted.map((p) => ({ scenario: p.side.entry.scenario, strategy: p.side.shown })),
  );
  const summary =
    plotted.length === 0
      ? 'Neither scenario has a strategy to chart.'
      : `${plotted
          .map(
            (p) =>
              `${p.name} spends ${formatMoney(p.side.shown.totals.firstYearSpend, display)} in its first ${Math.min(12, p.side.entry.scenario.horizonMonths)} months`,
          )
          .join('; ')}. ${
          series.alignment === 'calendar'
            ? 'Months are lined up on the calendar.'
            : 'Months are lined up by number, since a scenario has no start month.'
        }`;

  return (
    <section className="scenarios-section" aria-labelledby="scenario-comparison-title">
      <div className="section-head">
        <div>
          <h2 id="scenario-comparison-title">Compare two scenarios</h2>
          <p className="muted scenarios-section__lede">
            {library.length < 2
              ? 'Add or duplicate a scenario to compare two; until then both sides show the same one.'
              : 'Pick any two of your scenarios. The chart shows each one’s cheapest strategy unless you choose another.'}
          </p>
        </div>
      </div>
      <div className="comparison-sides">
        <SidePicker
          label="First scenario"
          testId="comparison-first"
          library={library}
          side={first}
          strategyId={firstStrategy}
          onPickScenario={(id) => {
            setFirstId(id);
            setFirstStrategy(CHEAPEST);
          }}
          onPickStrategy={setFirstStrategy}
        />
        <SidePicker
          label="Second scenario"
          testId="comparison-second"
          library={library}
          side={second}
          strategyId={secondStrategy}
          onPickScenario={(id) => {
            setSecondId(id);
            setSecondStrategy(CHEAPEST);
          }}
          onPickStrategy={setSecondStrategy}
        />
      </div>
      {plotted.length > 0 && (
        <ChartFrame
          title="Monthly AI spend"
          summary={summary}
          table={{
            columns: ['Month', ...plotted.map((p) => p.name)],
            rows: series.labels.map((label, k) => [
              label,
              ...series.values.map((values) => {
                const value = values[k];
                return value === null || value === undefined ? '—' : moneyCell(value, display);
              }),
            ]),
          }}
        >
          <MoneyLineChart
            labels={series.labels}
            display={display}
            series={plotted.map((p, index) => ({
              name: p.name,
              values: series.values[index] ?? [],
              colorIndex: index,
            }))}
          />
        </ChartFrame>
      )}
    </section>
  );
}
