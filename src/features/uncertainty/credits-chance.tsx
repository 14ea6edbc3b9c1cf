import { useId } from 'react';
import { probabilityCreditsLastPast } from '../../domain/monte-carlo';
import type { MonteCarloResult } from '../../domain/monte-carlo';
import type { Scenario } from '../../domain/scenario-schema';
import { formatMonth, formatPercent } from '../../format/format';

/** Per strategy, the chance its credits still cover its spend after a month the reader picks. */
export function CreditsChance({
  result,
  scenario,
  month,
  onMonthChange,
}: {
  result: MonteCarloResult;
  scenario: Pick<Scenario, 'horizonMonths' | 'startMonth'>;
  month: number;
  onMonthChange: (month: number) => void;
}) {
  const id = useId();
  const label = formatMonth(month, scenario.startMonth);
  return (
    <div className="uncertainty__chance">
      <div className="field uncertainty__chance-month">
        <label htmlFor={id} className="field__label">
          Chance credits last past
        </label>
        <select id={id} value={month} onChange={(event) => onMonthChange(Number(event.target.value))}>
          {Array.from({ length: result.horizonMonths }, (_, m) => (
            <option key={m} value={m}>
              {formatMonth(m, scenario.startMonth)}
            </option>
          ))}
        </select>
      </div>
      <div className="table-scroll">
        <table className="data-table uncertainty__chance-table">
          <caption className="visually-hidden">Chance credits last past {label}, by strategy</caption>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col" className="num">
                Credits last past {label}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.strategies.map((strategy, index) => {
              const chance = probabilityCreditsLastPast(result, strategy.id, month) ?? 0;
              return (
                <tr key={index}>
                  <th scope="row">{strategy.name}</th>
                  <td className="num">
                    <span className="uncertainty__meter" aria-hidden="true">
                      <span style={{ width: `${chance * 100}%` }} />
                    </span>
                    <span className="uncertainty__chance-value">{formatPercent(chance)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted uncertainty__note">
        The share of samples in which credits still cover all the spend they apply to through {label}.
      </p>
    </div>
  );
}
