import { BYTES_PER_PARAMETER, KV_CACHE_BYTES, USABLE_MEMORY_FRACTION } from '../../domain/gpu-sizing';
import type { MemoryEstimate, ModelShape, ServingLoad } from '../../domain/gpu-sizing';
import { formatNumber, formatPercent } from '../../format/format';

function gb(value: number): string {
  return `${formatNumber(value)} GB`;
}

type MemoryBreakdownProps = {
  shape: ModelShape;
  load: ServingLoad & { overheadFraction: number };
  memory: MemoryEstimate;
};

/** Every memory term with its formula and the numbers put into it. */
export function MemoryBreakdown({ shape, load, memory }: MemoryBreakdownProps) {
  const bytes = BYTES_PER_PARAMETER[load.precision];
  const tokens = load.contextTokens * load.concurrency;
  return (
    <section className="card self-hosting-card" aria-labelledby="self-hosting-memory-title">
      <h3 id="self-hosting-memory-title">Memory needed</h3>
      <div className="table-scroll">
        <table className="data-table self-hosting-memory">
          <caption className="visually-hidden">Memory needed, term by term, with each formula</caption>
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Formula</th>
              <th scope="col" className="num">
                GB
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Weights</th>
              <td>
                <code>parameters × bytes per parameter</code>
                <span className="th-sub">
                  {formatNumber(shape.totalParamsB)}B × {bytes} bytes ({load.precision}); a mixture of experts
                  holds every expert
                </span>
              </td>
              <td className="num" data-testid="memory-weights">
                {gb(memory.weightsGB)}
              </td>
            </tr>
            <tr>
              <th scope="row">KV cache</th>
              <td>
                <code>2 × layers × KV heads × head dim × tokens × bytes</code>
                <span className="th-sub">
                  2 × {shape.layers} × {shape.kvHeads} × {shape.headDim} × {formatNumber(tokens)} tokens (
                  {formatNumber(load.contextTokens)} × {formatNumber(load.concurrency)} requests) ×{' '}
                  {KV_CACHE_BYTES} bytes
                </span>
              </td>
              <td className="num" data-testid="memory-kv-cache">
                {gb(memory.kvCacheGB)}
              </td>
            </tr>
            <tr>
              <th scope="row">Overhead</th>
              <td>
                <code>overhead share × (weights + KV cache)</code>
                <span className="th-sub">
                  {formatPercent(load.overheadFraction)} for activations and the runtime (an assumption)
                </span>
              </td>
              <td className="num" data-testid="memory-overhead">
                {gb(memory.overheadGB)}
              </td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>
                <span className="th-sub">
                  Each GPU is filled to {formatPercent(USABLE_MEMORY_FRACTION)} of its memory
                </span>
              </td>
              <td className="num" data-testid="memory-total">
                <strong>{gb(memory.totalGB)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
