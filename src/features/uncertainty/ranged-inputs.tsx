import type { UncertainInput } from '../../domain/uncertain-inputs';
import { formatInputValue } from './monte-carlo-figures';

const RANGE_EXAMPLE = '"requestsPerMonth": { "low": 1500000, "likely": 2000000, "high": 3000000 }';

/** The inputs Monte Carlo draws, with their ranges; or, when none has a range, how to give one. */
export function RangedInputs({ inputs }: { inputs: readonly UncertainInput[] }) {
  if (inputs.length === 0) {
    return (
      <div className="notice notice--info uncertainty__no-ranges">
        <p>
          <strong>No input has a range yet</strong>, so every sample is the point estimate and the figures
          below do not spread.
        </p>
        <p>
          Give a range — low, likely and high — to what you are unsure of: traffic volumes, tokens, cache hit
          rates and growth on the Traffic mix screen, escalation rates and router shares on the Strategies
          screen, cash, burn and revenue on the Credits and runway screen. In a scenario file, write the
          number as a range: <code>{RANGE_EXAMPLE}</code>.
        </p>
      </div>
    );
  }
  return (
    <details className="uncertainty__inputs" open={inputs.length <= 6}>
      <summary>
        {inputs.length === 1 ? '1 input has a range' : `${inputs.length} inputs have a range`}; all others
        stay at their value
      </summary>
      <div className="table-scroll">
        <table className="data-table uncertainty__inputs-table">
          <caption className="visually-hidden">Inputs with a range</caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col" className="num">
                Low
              </th>
              <th scope="col" className="num">
                Likely
              </th>
              <th scope="col" className="num">
                High
              </th>
            </tr>
          </thead>
          <tbody>
            {inputs.map((input) => (
              <tr key={input.key}>
                <th scope="row">{input.label}</th>
                <td className="num">{formatInputValue(input, input.low)}</td>
                <td className="num">{formatInputValue(input, input.likely)}</td>
                <td className="num">{formatInputValue(input, input.high)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
