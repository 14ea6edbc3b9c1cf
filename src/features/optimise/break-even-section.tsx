import { useId, useMemo, useState } from 'react';
import type { CapacityBreakEven, CascadeBreakEven } from '../../domain/break-even';
import { findById } from '../../domain/find-by-id';
import type { Model, Scenario, Slice } from '../../domain/scenario-schema';
import { useAnalysis } from '../../queries/analysis-queries';
import { PendingResult, isBusy, useDrawnState } from '../../ui/pending-result';
import { formatNumber, formatPercent, formatUnitCost } from '../../format/format';
import { Money, useMoneyDisplay } from '../../ui/money';
import { ModelSelect } from '../../ui/model-select';
import { RowLimitToggle, useRowLimit } from '../../ui/row-limit';
import { SelectField } from '../../ui/select-field';
import { CapacityTermsTable } from './capacity-terms-table';
import { describeCascadeVerdict, describeModel, listCapacityModels } from './optimise-figures';

const AUTO = '';

function describeVolume(requests: number): string {
  return `${formatNumber(Math.ceil(requests))} requests a month`;
}

function CapacityVerdict({
  slice,
  capacity,
  perToken,
  result,
}: {
  slice: Slice;
  capacity: Model;
  perToken: Model;
  result: CapacityBreakEven;
}) {
  const display = useMoneyDisplay();
  const capacityName = describeModel(capacity);
  const perTokenName = describeModel(perToken);
  let sentence: string;
  if (result.status === 'always') {
    sentence = `${capacityName} costs nothing at any volume here, so it is always at least as cheap as ${perTokenName}.`;
  } else if (result.status === 'never') {
    sentence =
      result.capacityCostPerRequestAtFullUse === null
        ? `${perTokenName} is cheaper at every volume.`
        : `Never: ${perTokenName} costs ${formatUnitCost(result.perTokenCostPerRequest, display)} per request, less than ${capacityName} at full use (${formatUnitCost(result.capacityCostPerRequestAtFullUse, display)}).`;
  } else {
    const breakEven = result.breakEvenRequestsPerMonth ?? 0;
    const ratio = breakEven > 0 ? slice.requestsPerMonth / breakEven : null;
    sentence =
      `${capacityName} becomes cheaper than ${perTokenName} from ${describeVolume(breakEven)}. ` +
      `${slice.name} runs ${describeVolume(slice.requestsPerMonth)} now` +
      (ratio === null ? '.' : ` (${formatNumber(ratio)}× the break-even).`);
  }
  return (
    <div className="optimise-break-even" aria-live="polite">
      <p className="optimise-break-even__sentence">{sentence}</p>
      <dl className="figure-tiles optimise-figures">
        <div className="figure-tiles__item">
          <dt>Break-even volume</dt>
          <dd data-testid="break-even-volume">
            {result.breakEvenRequestsPerMonth === null
              ? 'Never'
              : formatNumber(Math.ceil(result.breakEvenRequestsPerMonth))}
            <span className="figure-tiles__sub">
              {result.cheaperForGoodFromRequestsPerMonth !== null &&
              result.breakEvenRequestsPerMonth !== null &&
              result.cheaperForGoodFromRequestsPerMonth > result.breakEvenRequestsPerMonth
                ? `cheaper for good from ${formatNumber(Math.ceil(result.cheaperForGoodFromRequestsPerMonth))}`
                : 'requests a month'}
            </span>
          </dd>
        </div>
        <div className="figure-tiles__item">
          <dt>Volume now</dt>
          <dd>
            {formatNumber(slice.requestsPerMonth)}
            <span className="figure-tiles__sub">requests a month</span>
          </dd>
        </div>
        <div className="figure-tiles__item">
          <dt>At today’s volume</dt>
          <dd className="optimise-figures__pair">
            <span>
              Capacity <Money usd={result.capacityMonthlyCost} />
            </span>
            <span>
              Per token <Money usd={result.perTokenMonthlyCost} />
            </span>
            <span className="figure-tiles__sub">
              a month: {result.isCapacityCheaperNow ? 'capacity is cheaper' : 'per token is cheaper'}
            </span>
          </dd>
        </div>
        <div className="figure-tiles__item">
          <dt>Per request</dt>
          <dd className="optimise-figures__pair">
            <span>Per token {formatUnitCost(result.perTokenCostPerRequest, display)}</span>
            <span>
              Capacity at full use{' '}
              {result.capacityCostPerRequestAtFullUse === null
                ? '—'
                : formatUnitCost(result.capacityCostPerRequestAtFullUse, display)}
            </span>
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** Each cascade route's break-even escalation rate, the first rows until all are asked for. */
function CascadesTable({ cascades }: { cascades: readonly CascadeBreakEven[] }) {
  const tableId = useId();
  const limit = useRowLimit(cascades.length);
  return (
    <>
      <div className="table-scroll">
        <table id={tableId} className="data-table optimise-cascades">
          <caption className="visually-hidden">Break-even escalation rate of each cascade route</caption>
          <thead>
            <tr>
              <th scope="col">Strategy and slice</th>
              <th scope="col">Steps</th>
              <th scope="col" className="num">
                Escalation now
              </th>
              <th scope="col" className="num">
                Break-even
              </th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {cascades.slice(0, limit.count).map((entry, index) => (
              <tr key={index}>
                <th scope="row">
                  {entry.strategyName}
                  <span className="th-sub">{entry.sliceName}</span>
                </th>
                <td>{entry.steps.map((model) => model.name).join(' → ')}</td>
                <td className="num">
                  {entry.escalation.map((rate) => formatPercent(rate)).join(', ') || '—'}
                </td>
                <td className="num">
                  {entry.breakEvenEscalation === null ? '—' : formatPercent(entry.breakEvenEscalation)}
                </td>
                <td
                  className={
                    entry.beatsLastStepNow === false ? 'optimise-verdict is-dearer' : 'optimise-verdict'
                  }
                >
                  {describeCascadeVerdict(entry)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RowLimitToggle limit={limit} what="cascade routes" tableId={tableId} />
    </>
  );
}

/** Where a capacity model beats a per-token one for a slice, and each cascade's break-even escalation. */
export function BreakEvenSection({ scenario }: { scenario: Scenario }) {
  const [sliceIndex, setSliceIndex] = useState(0);
  const [capacityId, setCapacityId] = useState(AUTO);
  const [perTokenId, setPerTokenId] = useState(AUTO);
  const capacityModels = useMemo(() => listCapacityModels(scenario.catalog), [scenario.catalog]);
  const hasPerToken = useMemo(
    () => scenario.catalog.some((model) => model.pricing.kind === 'per-token'),
    [scenario.catalog],
  );
  const findPerToken = (id: string | null) => {
    const model = id === null ? undefined : findById(scenario.catalog, id);
    return model?.pricing.kind === 'per-token' ? model : undefined;
  };
  const cascades = useDrawnState(useAnalysis(scenario, 'cascades'));

  const slice = scenario.traffic[sliceIndex] ?? scenario.traffic[0];
  const capacity = capacityModels.find((model) => model.id === capacityId) ?? capacityModels[0];
  const chosenPerToken = findPerToken(perTokenId);
  const compared = useDrawnState(
    useAnalysis(
      scenario,
      'capacity',
      slice ? scenario.traffic.indexOf(slice) : 0,
      capacity?.id ?? null,
      chosenPerToken?.id ?? null,
    ),
  );
  const autoPerTokenId = compared.data?.autoPerTokenId ?? null;
  const autoPerToken = findPerToken(autoPerTokenId);
  const perToken = chosenPerToken ?? autoPerToken;

  return (
    <section
      className="optimise-section"
      aria-labelledby="optimise-break-even-title"
      aria-busy={isBusy(compared) || isBusy(cascades)}
    >
      <h2 id="optimise-break-even-title">Break-even points</h2>

      <h3>Capacity against per-token</h3>
      <p className="optimise-lead">
        The monthly volume from which a self-hosted or provisioned model, carrying this slice alone, costs no
        more than paying per token. Units are whole, so capacity costs rise in steps.
      </p>
      {capacityModels.length === 0 || !hasPerToken || !slice ? (
        <p className="notice notice--info">
          {!slice
            ? 'Add a traffic slice to compare.'
            : capacityModels.length === 0
              ? 'The catalog has no capacity-billed model (self-hosted or provisioned throughput): add one on the Pricing catalog screen to compare.'
              : 'The catalog has no per-token model to compare with.'}
        </p>
      ) : (
        <>
          <div className="toolbar optimise-toolbar">
            <SelectField
              className="optimise-select"
              label="Slice"
              value={String(scenario.traffic.indexOf(slice))}
              onChange={(value) => setSliceIndex(Number(value))}
              options={scenario.traffic.map((s, index) => ({ value: String(index), label: s.name }))}
            />
            <ModelSelect
              className="optimise-select"
              label="Capacity model"
              value={capacity?.id ?? AUTO}
              catalog={capacityModels}
              onCommit={(modelId) => {
                setCapacityId(modelId);
                return null;
              }}
            />
            <ModelSelect
              className="optimise-select optimise-select--wide"
              label="Per-token model"
              value={chosenPerToken?.id ?? AUTO}
              catalog={scenario.catalog}
              perTokenOnly
              noneLabel={
                autoPerToken
                  ? `Cheapest meeting the bar: ${describeModel(autoPerToken)}`
                  : 'Cheapest meeting the bar'
              }
              onCommit={(modelId) => {
                setPerTokenId(modelId);
                return null;
              }}
            />
          </div>
          <PendingResult
            state={compared}
            computing={`Computing the break-even for ${slice.name}…`}
            failure="The break-even could not be computed"
          >
            {(outcome) => (
              <>
                {outcome?.breakEven && capacity && perToken && (
                  <CapacityVerdict
                    slice={slice}
                    capacity={capacity}
                    perToken={perToken}
                    result={outcome.breakEven}
                  />
                )}
                {perToken && outcome && (
                  <CapacityTermsTable
                    scenario={scenario}
                    slice={slice}
                    perToken={perToken}
                    rows={outcome.terms}
                  />
                )}
              </>
            )}
          </PendingResult>
        </>
      )}

      <h3>Cascades</h3>
      <p className="optimise-lead">
        A cascade pays its first model on every request and the next ones on the requests it escalates. Above
        the break-even rate it costs more than sending everything to its last model. Only the first escalation
        rate varies; later ones stay as set.
      </p>
      <PendingResult
        state={cascades}
        computing="Computing the cascades’ break-even rates…"
        failure="The cascades’ break-even rates could not be computed"
      >
        {(cascades) =>
          cascades.length === 0 ? (
            <p className="muted">No cascade strategy routes a slice in this scenario.</p>
          ) : (
            <CascadesTable cascades={cascades} />
          )
        }
      </PendingResult>
    </section>
  );
}
