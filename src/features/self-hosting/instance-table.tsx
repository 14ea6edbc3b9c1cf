import { fitInstance } from '../../domain/gpu-sizing';
import type { GpuInstance, Precision } from '../../domain/gpu-sizing';
import { formatNumber, formatPrice } from '../../format/format';

type InstanceTableProps = {
  instances: readonly GpuInstance[];
  totalGB: number;
  precision: Precision;
  chosen: string | null;
};

function SourceLink({ source, label }: { source: GpuInstance['sources']['price']; label: string }) {
  return source.url ? (
    <a href={source.url} target="_blank" rel="noreferrer" title={`${source.label} (${source.asOf})`}>
      {label}
    </a>
  ) : (
    <span title={source.label}>{label}</span>
  );
}

/** The shipped AWS instance table, each row with whether it holds the model and where its figures come from. */
export function InstanceTable({ instances, totalGB, precision, chosen }: InstanceTableProps) {
  return (
    <details className="self-hosting-instances">
      <summary>
        The instance table: {instances.length} AWS instances, {instances[0]?.region}, prices of{' '}
        {instances[0]?.sources.price.asOf}
      </summary>
      <p className="self-hosting-note">
        Representative prices, for comparison: confirm current rates before you budget. No reserved rate is
        shipped where no citable source gives one; type the rate you are quoted.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">AWS GPU instances and whether each holds the model</caption>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Accelerators</th>
              <th scope="col" className="num">
                Memory each
              </th>
              <th scope="col" className="num">
                Bandwidth each
              </th>
              <th scope="col" className="num">
                On demand
              </th>
              <th scope="col" className="num">
                1-year reserved
              </th>
              <th scope="col">Holds the model?</th>
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {instances.map((instance) => {
              const fit = fitInstance(instance, totalGB, precision);
              const serves = instance.precisions.includes(precision);
              return (
                <tr
                  key={instance.instance}
                  className={instance.instance === chosen ? 'is-chosen' : undefined}
                >
                  <th scope="row">{instance.instance}</th>
                  <td>
                    {instance.gpuCount}× {instance.gpu}
                  </td>
                  <td className="num">{formatNumber(instance.memoryPerGpuGB)} GB</td>
                  <td className="num">{formatNumber(instance.bandwidthPerGpuGBps)} GB/s</td>
                  <td className="num">{formatPrice(instance.onDemandHourly)}/h</td>
                  <td className="num">
                    {instance.reserved1yHourly === null
                      ? 'not sourced'
                      : `${formatPrice(instance.reserved1yHourly)}/h`}
                  </td>
                  <td>
                    {fit
                      ? `Yes, on ${fit.gpuCount} of ${instance.gpuCount}`
                      : serves
                        ? 'No: too little memory'
                        : `No: no ${precision} support`}
                  </td>
                  <td className="self-hosting-sources">
                    <SourceLink source={instance.sources.price} label="price" />{' '}
                    <SourceLink source={instance.sources.specs} label="specs" />{' '}
                    <SourceLink source={instance.sources.bandwidth} label="bandwidth" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
