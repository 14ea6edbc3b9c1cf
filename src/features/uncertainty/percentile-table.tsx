import type { MonteCarloResult, Percentiles } from '../../domain/monte-carlo';
import type { Scenario } from '../../domain/scenario-schema';
import { Money } from '../../ui/money';
import { describeCreditsMonth, describeRunwayMonth } from './monte-carlo-figures';
import type { MonthCell } from './monte-carlo-figures';

const LEVELS = ['p10', 'p50', 'p90'] as const;
const LEVEL_NAMES = { p10: 'P10', p50: 'P50', p90: 'P90' } as const;

type Timing = Pick<Scenario, 'horizonMonths' | 'startMonth'>;

/** Cell classes: the first of each group of three starts with a rule. */
function cellClass(level: (typeof LEVELS)[number]): string {
  return level === 'p10' ? 'num uncertainty__group-start' : 'num';
}

function MoneyCells({ percentiles, name }: { percentiles: Percentiles; name: string }) {
  return LEVELS.map((level) => (
    <td key={level} className={cellClass(level)} data-testid={`mc-spend-${level}-${name}`}>
      <Money usd={percentiles[level]} />
    </td>
  ));
}

function MonthCellText({ cell }: { cell: MonthCell }) {
  return (
    <>
      <span className="uncertainty__month">{cell.main}</span>
      {cell.sub !== null && (
        <>
          {' '}
          <span className="uncertainty__length muted">{cell.sub}</span>
        </>
      )}
    </>
  );
}

/**
 * Per strategy, the P10, P50 and P90 of its 12-month spend, of the month its credits run out and of the month
 * its cash runs out (with the runway in months).
 */
export function PercentileTable({
  result,
  timing,
  spendName,
  hasPools,
  focusId,
}: {
  result: MonteCarloResult;
  timing: Timing;
  spendName: string;
  hasPools: boolean;
  focusId: string | null;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table uncertainty__percentiles">
        <caption className="visually-hidden">
          Percentiles by strategy: {spendName}, month credits run out, month cash runs out
        </caption>
        <colgroup>
          <col className="uncertainty__col-name" />
          {Array.from({ length: 9 }, (_, i) => (
            <col key={i} className="uncertainty__col-figure" />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Strategy
            </th>
            <th scope="colgroup" colSpan={3} className="uncertainty__group">
              {spendName}
            </th>
            <th scope="colgroup" colSpan={3} className="uncertainty__group">
              Credits run out
            </th>
            <th scope="colgroup" colSpan={3} className="uncertainty__group">
              Cash runs out
            </th>
          </tr>
          <tr>
            {[0, 1, 2].flatMap((group) =>
              LEVELS.map((level) => (
                <th key={`${group}-${level}`} scope="col" className={cellClass(level)}>
                  {LEVEL_NAMES[level]}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {result.strategies.map((strategy, index) => (
            <tr key={index} className={strategy.id === focusId ? 'uncertainty__focus-row' : undefined}>
              <th scope="row">{strategy.name}</th>
              <MoneyCells percentiles={strategy.firstYearSpend} name={String(index)} />
              {hasPools ? (
                LEVELS.map((level) => (
                  <td key={level} className={cellClass(level)}>
                    <MonthCellText
                      cell={describeCreditsMonth(strategy.creditsExhaustedMonth[level], timing)}
                    />
                  </td>
                ))
              ) : (
                <td colSpan={3} className="muted uncertainty__group-start">
                  No credit pools
                </td>
              )}
              {LEVELS.map((level) => (
                <td key={level} className={cellClass(level)}>
                  <MonthCellText cell={describeRunwayMonth(strategy.runwayMonths[level], timing)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
