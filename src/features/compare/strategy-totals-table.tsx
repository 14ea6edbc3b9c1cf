import type { BrokenConstraint } from '../../domain/plan-constraints';
import type { Scenario } from '../../domain/scenario-schema';
import type { SimulationResult } from '../../domain/simulate';
import { ConstraintBadges } from '../../ui/constraint-badges';
import { formatMonths } from '../../format/format';
import { Money } from '../../ui/money';
import { TableScroll } from '../../ui/table-scroll';
import { sumFixedCosts } from '../../domain/strategy-figures';

/**
 * Every strategy's totals over the horizon, side by side, each flagged beside its name with the constraints it
 * breaks (`findBrokenConstraints`): no total is shown for a plan that cannot run as priced without saying so.
 */
export function StrategyTotalsTable({
  result,
  cheapestId,
  scenario,
  constraintsByStrategy,
}: {
  result: SimulationResult;
  cheapestId: string | null;
  scenario: Pick<Scenario, 'catalog' | 'traffic' | 'startMonth'>;
  constraintsByStrategy: ReadonlyMap<string, readonly BrokenConstraint[]>;
}) {
  const horizon = formatMonths(result.horizonMonths);
  const hasFixedCosts = result.strategies.some((strategy) =>
    strategy.months.some((month) => Object.keys(month.byFixedCost).length > 0),
  );
  const firstYear = result.horizonMonths >= 12 ? 'First 12 months' : `First ${horizon}`;
  return (
    <section className="compare-totals" aria-labelledby="compare-totals-title">
      <h2 id="compare-totals-title">Totals per strategy</h2>
      <TableScroll label="Totals per strategy">
        <table className="data-table compare-totals__table" data-testid="compare-totals">
          <caption className="visually-hidden">Totals per strategy over {horizon}</caption>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col" className="num">
                Spend <span className="th-sub">{horizon}</span>
              </th>
              <th scope="col" className="num">
                Spend <span className="th-sub">{firstYear.toLowerCase()}</span>
              </th>
              <th scope="col" className="num">
                List spend <span className="th-sub">before discounts</span>
              </th>
              {hasFixedCosts && (
                <th scope="col" className="num">
                  Fixed costs <span className="th-sub">in spend</span>
                </th>
              )}
              <th scope="col" className="num">
                Caching savings
              </th>
              <th scope="col" className="num">
                Batch savings
              </th>
              <th scope="col" className="num">
                Credits used
              </th>
              <th scope="col" className="num">
                Credits expired
              </th>
              <th scope="col" className="num">
                Cash spent on AI
              </th>
            </tr>
          </thead>
          <tbody>
            {result.strategies.map((strategy) => {
              const { totals } = strategy;
              return (
                <tr key={strategy.id} className={strategy.id === cheapestId ? 'is-cheapest' : undefined}>
                  <th scope="row">
                    {strategy.name}
                    {strategy.id === cheapestId && <span className="badge badge--good">Cheapest</span>}
                    <ConstraintBadges
                      constraints={constraintsByStrategy.get(strategy.id) ?? []}
                      scenario={scenario}
                      testId={`compare-constraints-${strategy.id}`}
                    />
                  </th>
                  <td className="num">
                    <Money usd={totals.spend} />
                  </td>
                  <td className="num">
                    <Money usd={totals.firstYearSpend} />
                  </td>
                  <td className="num">
                    <Money usd={totals.listSpend} />
                  </td>
                  {hasFixedCosts && (
                    <td className="num">
                      <Money usd={sumFixedCosts(strategy)} testId={`compare-fixed-costs-${strategy.id}`} />
                    </td>
                  )}
                  <td className={`num${totals.savings.caching < 0 ? ' is-negative' : ''}`}>
                    <Money usd={totals.savings.caching} />
                  </td>
                  <td className="num">
                    <Money usd={totals.savings.batch} />
                  </td>
                  <td className="num">
                    <Money usd={totals.creditsUsed} />
                  </td>
                  <td className={`num${totals.creditsExpired > 0 ? ' is-warn' : ''}`}>
                    <Money usd={totals.creditsExpired} />
                  </td>
                  <td className="num">
                    <Money usd={totals.cashSpentOnAI} />
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
