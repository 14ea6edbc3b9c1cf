import { useEffect, useMemo } from 'react';
import { findBrokenConstraintsByStrategy } from '../../domain/plan-constraints';
import { ConstraintBadges } from '../../ui/constraint-badges';
import { useShallow } from 'zustand/react/shallow';
import { findCheapestStrategy, savingsVsDearest } from '../../domain/strategy-figures';
import { usePlanIssues, useSimulation } from '../../state/selectors';
import { PlanIssues } from '../../ui/plan-issues';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { describeMoneyDisplay, formatMonth, formatMonths } from '../../format/format';
import { describeCreditsEnd, describeFirstYear, describeRunway } from '../../format/outcome-text';
import { Money, useMoneyDisplay } from '../../ui/money';
import { TableScroll } from '../../ui/table-scroll';

let firstNumbersMarked = false;

/** Marks the moment the first figures are on screen, for `npm run bench` (a User Timing mark). */
function markFirstNumbers() {
  if (firstNumbersMarked || typeof performance === 'undefined' || !performance.mark) return;
  firstNumbersMarked = true;
  performance.mark('planner:first-numbers');
}

/**
 * The answer, always in view: for each strategy, this month's spend, the first year's, what it saves against
 * the dearest strategy, when credits run out and how long cash lasts.
 */
export function SummaryPanel() {
  const issues = usePlanIssues();
  if (issues.length > 0) {
    return (
      <section className="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <PlanIssues issues={issues} />
      </section>
    );
  }
  return <SummaryFigures />;
}

function SummaryFigures() {
  const scenario = useScenario();
  const display = useMoneyDisplay();
  useEffect(markFirstNumbers, []);
  const result = useSimulation();
  const [focusId, setFocus] = usePlannerStore(useShallow((s) => [s.focusStrategyId, s.setFocusStrategy]));
  const cheapest = findCheapestStrategy(result);
  const firstYearLabel = describeFirstYear(scenario);
  const thisMonth = formatMonth(0, scenario.startMonth);
  const constraintsByStrategy = useMemo(() => findBrokenConstraintsByStrategy(scenario), [scenario]);

  if (result.strategies.length === 0) {
    return (
      <section className="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <p>Add a strategy to see what it costs.</p>
      </section>
    );
  }

  return (
    <section className="summary" aria-labelledby="summary-title">
      <div className="summary__head">
        <h2 id="summary-title">Summary</h2>
        <p className="summary__context">
          AI spend per routing strategy, from {thisMonth} over {formatMonths(scenario.horizonMonths)}. Select
          a row to focus the charts on it.
        </p>
        <p className="summary__currency" data-testid="money-display">
          Money in <strong>{describeMoneyDisplay(display)}</strong>
          {display.currency === 'USD' ? '' : ' (computed in USD)'}: set under Strategies → Scenario settings.
        </p>
      </div>
      <TableScroll label="Summary table">
        <table className="data-table summary__table" data-testid="summary-table">
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col" className="num">
                This month <span className="th-sub">{thisMonth}</span>
              </th>
              <th scope="col" className="num">
                {firstYearLabel}
              </th>
              <th scope="col" className="num">
                Saves vs dearest <span className="th-sub">{firstYearLabel.replace(' spend', '')}</span>
              </th>
              <th scope="col">Credits run out</th>
              <th scope="col">Cash runway</th>
            </tr>
          </thead>
          <tbody>
            {result.strategies.map((strategy) => {
              const isCheapest = strategy.id === cheapest?.id;
              const isFocused = strategy.id === (focusId ?? cheapest?.id);
              return (
                <tr
                  key={strategy.id}
                  className={`${isCheapest ? 'is-cheapest' : ''} ${isFocused ? 'is-focused' : ''}`}
                  data-testid={`summary-row-${strategy.id}`}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={isFocused}
                      onClick={() => setFocus(strategy.id)}
                    >
                      {strategy.name}
                    </button>
                    {isCheapest && <span className="badge badge--good">Cheapest</span>}
                    <ConstraintBadges
                      constraints={constraintsByStrategy.get(strategy.id) ?? []}
                      scenario={scenario}
                      testId={`summary-constraints-${strategy.id}`}
                    />
                  </th>
                  <td className="num">
                    <Money usd={strategy.months[0]?.spend ?? 0} testId="summary-this-month" />
                  </td>
                  <td className="num">
                    <Money usd={strategy.totals.firstYearSpend} testId="summary-first-year" />
                  </td>
                  <td className="num">
                    {savingsVsDearest(result, strategy) > 0 ? (
                      <Money usd={savingsVsDearest(result, strategy)} testId="summary-savings" />
                    ) : (
                      <span className="muted" data-testid="summary-savings">
                        —
                      </span>
                    )}
                  </td>
                  <td data-testid="summary-credits-end">{describeCreditsEnd(strategy, scenario)}</td>
                  <td data-testid="summary-runway" className="summary__runway">
                    {describeRunway(strategy, scenario)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
