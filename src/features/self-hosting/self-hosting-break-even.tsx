import { useMemo, useState } from 'react';
import { findBreakEvensAgainstPerToken } from '../../domain/gpu-sizing';
import type { Model, Scenario } from '../../domain/scenario-schema';
import { formatNumber, formatPrice } from '../../format/format';
import { SelectField } from '../../ui/select-field';

type SelfHostingBreakEvenProps = {
  scenario: Scenario;
  /** The capacity entry as sized (whether or not it is in the catalog yet). */
  entry: Model;
};

function describeVolume(requests: number | null): string {
  return requests === null ? 'Never' : formatNumber(Math.ceil(requests));
}

/** From what monthly volume of a slice the sized entry costs no more than each per-token model. */
export function SelfHostingBreakEven({ scenario, entry }: SelfHostingBreakEvenProps) {
  const [sliceIndex, setSliceIndex] = useState(0);
  const slice = scenario.traffic[sliceIndex] ?? scenario.traffic[0];
  const rows = useMemo(
    () => (slice ? findBreakEvensAgainstPerToken(slice, entry, scenario.catalog, scenario.options) : []),
    [slice, entry, scenario.catalog, scenario.options],
  );

  return (
    <section className="card self-hosting-card" aria-labelledby="self-hosting-break-even-title">
      <h3 id="self-hosting-break-even-title">Break-even against every per-token model</h3>
      <p className="self-hosting-lead">
        The monthly volume of one slice from which this entry, carrying that slice alone, costs no more than
        paying per token (whole instances, the scenario’s peak-to-average ratio, a steady month), as the
        Optimise screen computes it.
      </p>
      {!slice ? (
        <p className="notice notice--info">Add a traffic slice to compare.</p>
      ) : rows.length === 0 ? (
        <p className="notice notice--info">The catalog has no per-token model to compare with.</p>
      ) : (
        <>
          <SelectField
            className="self-hosting-slice"
            label="Slice"
            value={String(scenario.traffic.indexOf(slice))}
            onChange={(value) => setSliceIndex(Number(value))}
            options={scenario.traffic.map((s, index) => ({ value: String(index), label: s.name }))}
          />
          <p className="self-hosting-note">
            {slice.name} runs {formatNumber(slice.requestsPerMonth)} requests a month now.
          </p>
          <div className="table-scroll">
            <table className="data-table self-hosting-break-even">
              <caption className="visually-hidden">
                Break-even volume of the sized entry against each per-token model for {slice.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Per-token model</th>
                  <th scope="col" className="num">
                    Per request
                  </th>
                  <th scope="col" className="num">
                    Break-even (requests a month)
                  </th>
                  <th scope="col">At today’s volume</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ model, breakEven }) => (
                  <tr key={model.id}>
                    <th scope="row">
                      {model.name}
                      <span className="th-sub">{model.platform}</span>
                    </th>
                    <td className="num">{formatPrice(breakEven.perTokenCostPerRequest)}</td>
                    <td className="num">
                      {breakEven.status === 'always'
                        ? 'Always'
                        : describeVolume(breakEven.breakEvenRequestsPerMonth)}
                    </td>
                    <td
                      className={
                        breakEven.isCapacityCheaperNow
                          ? 'self-hosting-verdict is-cheaper'
                          : 'self-hosting-verdict'
                      }
                    >
                      {breakEven.isCapacityCheaperNow ? 'Self-hosting is cheaper' : 'Per token is cheaper'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
