import { BYTES_PER_PARAMETER } from '../../domain/gpu-sizing';
import type { ServingLoad, SizingResult } from '../../domain/gpu-sizing';
import type { Model } from '../../domain/scenario-schema';
import { formatNumber, formatPercent, formatPrice } from '../../format/format';

type CapacityResultProps = {
  result: SizingResult;
  load: ServingLoad;
  efficiency: number;
  /** The instance asked for; null when the cheapest that fits is picked. */
  instanceName: string | null;
  /** The chosen term has no sourced price and no price of the user's. */
  reservedMissing: boolean;
  entry: Model | null;
  /** The catalog entry whose quality score the new entry takes; null when none. */
  qualityFrom: string | null;
  added: { name: string; error: string | null } | null;
  onAdd: () => void;
};

/** The instance, its price, the throughput with its formula, and "add to catalog". */
export function CapacityResult({
  result,
  load,
  efficiency,
  instanceName,
  reservedMissing,
  entry,
  qualityFrom,
  added,
  onAdd,
}: CapacityResultProps) {
  const { fit, throughput } = result;
  if (!fit) {
    return (
      <p className="notice notice--warn" role="status">
        {instanceName === null
          ? 'No instance in the table holds this model at these settings: lower the precision, the context or the concurrent requests.'
          : `${instanceName} cannot hold this model at ${load.precision}: pick another instance or “Cheapest that fits”.`}
      </p>
    );
  }
  const instance = fit.instance;
  return (
    <>
      <dl className="figure-tiles self-hosting-figures">
        <div className="figure-tiles__item">
          <dt>Instance</dt>
          <dd data-testid="sizer-instance-name">
            {instance.instance}
            <span className="figure-tiles__sub">
              {fit.gpuCount} of its {instance.gpuCount} × {instance.gpu}
              {fit.replicas > 1 ? `; ${fit.replicas} copies side by side` : ''}
            </span>
          </dd>
        </div>
        <div className="figure-tiles__item">
          <dt>Hourly price per instance</dt>
          <dd data-testid="sizer-hourly">
            {result.hourlyPerUnit === null ? '—' : formatPrice(result.hourlyPerUnit)}
            <span className="figure-tiles__sub">
              {result.hourlyPerUnit === null
                ? 'no sourced rate for this term: type your own'
                : `${instance.region}, table of ${instance.sources.price.asOf}`}
            </span>
          </dd>
        </div>
        <div className="figure-tiles__item">
          <dt>
            Tokens per minute per instance{' '}
            <span className={result.isThroughputMeasured ? 'badge badge--good' : 'badge badge--warn'}>
              {result.isThroughputMeasured ? 'Measured' : 'Estimate'}
            </span>
          </dt>
          <dd data-testid="sizer-throughput">
            {result.tokensPerMinutePerUnit === null
              ? '—'
              : formatNumber(Math.round(result.tokensPerMinutePerUnit))}
            <span className="figure-tiles__sub">
              {result.isThroughputMeasured ? 'your measurement' : 'from memory bandwidth: measure your own'}
            </span>
          </dd>
        </div>
      </dl>
      {reservedMissing && (
        <p className="notice notice--warn" role="status">
          The table has no sourced reserved rate for {instance.instance}: tick “Use my own hourly price” and
          type the rate you are quoted.
        </p>
      )}
      {throughput && (
        <div className="self-hosting-formula" aria-label="Throughput formula">
          <p>
            <code>
              tokens/min = 60 × copies × requests × bandwidth achieved × bandwidth ÷ (weights read + KV cache
              read per step)
            </code>
          </p>
          <p className="self-hosting-note">
            = 60 × {fit.replicas} × {formatNumber(load.concurrency)} × {formatPercent(efficiency)} ×{' '}
            {formatNumber(throughput.bandwidthGBps)} GB/s ÷ ({formatNumber(throughput.weightsReadGB)} GB +{' '}
            {formatNumber(throughput.kvReadGB)} GB) ={' '}
            {formatNumber(Math.round(throughput.tokensPerMinutePerUnit))}. Each decode step streams the
            weights it touches (at most requests × active parameters × {BYTES_PER_PARAMETER[load.precision]}{' '}
            bytes) and every request’s KV cache once, and yields one token per request. An estimate: the
            planner counts prompt tokens alike, and they are processed much faster.
          </p>
        </div>
      )}
      <div className="self-hosting-add">
        <div>
          <p className="self-hosting-add__name" data-testid="sizer-entry-name">
            {entry ? entry.name : 'Give a price to make a catalog entry'}
          </p>
          {entry && (
            <p className="self-hosting-note">
              Capacity entry <code>{entry.id}</code>, platform aws: one unit = one instance, at least one,{' '}
              {entry.pricing.kind === 'capacity' && entry.pricing.commitmentMonths > 0
                ? `committed for ${entry.pricing.commitmentMonths} months`
                : 'no commitment'}
              . Quality{' '}
              {qualityFrom
                ? `${formatNumber(entry.quality)}, as ${qualityFrom} in your catalog`
                : '0: set it in the catalog'}
              .
            </p>
          )}
        </div>
        <button type="button" className="button button--primary" disabled={!entry} onClick={onAdd}>
          Add to catalog
        </button>
      </div>
      <div className="self-hosting-status" aria-live="polite">
        {added && added.error === null && (
          <p className="notice notice--info">
            Added “{added.name}” to the catalog: every strategy, the optimiser and break-even can use it now.
            Ctrl+Z undoes it.
          </p>
        )}
        {added && added.error !== null && <p className="notice notice--error">Not added: {added.error}</p>}
      </div>
    </>
  );
}
