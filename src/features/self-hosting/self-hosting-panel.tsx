import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import {
  DEFAULT_BANDWIDTH_EFFICIENCY,
  DEFAULT_CONTEXT_TOKENS,
  DEFAULT_OVERHEAD_FRACTION,
  PRECISIONS,
  buildCapacityEntry,
  findTermHourly,
  sizeSelfHosting,
} from '../../domain/gpu-sizing';
import type {
  CommitmentTerm,
  GpuInstance,
  ModelArchitecture,
  ModelShape,
  Precision,
} from '../../domain/gpu-sizing';
import type { Model } from '../../domain/scenario-schema';
import { todayIsoDay } from '../../format/format';
import { gpuSizingTablesQueryOptions } from '../../queries/gpu-sizing-queries';
import { addModel } from '../../state/scenario-edits';
import { makeUniqueId, slugify } from '../../domain/ids';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { NumberField } from '../../ui/number-field';
import type { FieldMoney } from '../../ui/number-field';
import { SelectField } from '../../ui/select-field';
import { CapacityResult } from './capacity-result';
import { InstanceTable } from './instance-table';
import { MemoryBreakdown } from './memory-breakdown';
import { SelfHostingBreakEven } from './self-hosting-break-even';
import { TERM_OPTIONS, describeInstance, findQualityOf } from './self-hosting-figures';
import './self-hosting.css';

const CUSTOM = 'custom';
const AUTO = '';
/** Requests the screen starts with: a batching server serves many at once, and throughput grows with them. */
const START_CONCURRENCY = 16;
const START_MODEL = 'mixtral-8x7b';

const positive = z.number().gt(0, 'must be greater than 0');
const positiveWhole = z.number().int('must be a whole number').gt(0, 'must be greater than 0');
const share = z.number().min(0, 'must be between 0 and 100 %').max(1, 'must be between 0 and 100 %');
const efficiencySchema = z.number().gt(0, 'must be above 0 %').max(1, 'must be at most 100 %');

type OverrideFieldProps = {
  /** The checkbox's label: whether to use the figure below in place of the table's or the estimate. */
  check: string;
  on: boolean;
  onToggle: (on: boolean) => void;
  label: string;
  unit: string;
  /** A money amount (see `NumberField`). */
  money?: FieldMoney;
  value: number;
  onCommit: (value: number) => void;
};

/** A figure of the user's own (a quoted price, a measured throughput), typed once its checkbox is ticked. */
function OverrideField({ check, on, onToggle, label, unit, money, value, onCommit }: OverrideFieldProps) {
  return (
    <div className="self-hosting-override">
      <label className="self-hosting-check">
        <input type="checkbox" checked={on} onChange={(event) => onToggle(event.target.checked)} />
        {check}
      </label>
      {on && (
        <NumberField
          label={label}
          unit={unit}
          money={money}
          value={value}
          schema={positive}
          onCommit={keep(onCommit)}
        />
      )}
    </div>
  );
}

/** A number field's commit that only keeps the value on this screen (nothing the scenario could refuse). */
function keep(set: (value: number) => void) {
  return (value: number) => {
    set(value);
    return null;
  };
}

/** The shape a model starts with: a prefilled architecture's, or a custom one's. */
function toShape(architecture: ModelArchitecture): ModelShape {
  return {
    totalParamsB: architecture.totalParamsB,
    activeParamsB: architecture.activeParamsB,
    layers: architecture.layers,
    kvHeads: architecture.kvHeads,
    headDim: architecture.headDim,
  };
}

type SizerProps = { instances: readonly GpuInstance[]; architectures: readonly ModelArchitecture[] };

function Sizer({ instances, architectures }: SizerProps) {
  const scenario = useScenario();
  const first = architectures.find((row) => row.id === START_MODEL) ?? architectures[0]!;
  const [architectureId, setArchitectureId] = useState(first.id);
  const [shape, setShape] = useState<ModelShape>(() => toShape(first));
  const [precision, setPrecision] = useState<Precision>('fp16');
  const [contextTokens, setContextTokens] = useState(DEFAULT_CONTEXT_TOKENS);
  const [concurrency, setConcurrency] = useState(START_CONCURRENCY);
  const [overheadFraction, setOverheadFraction] = useState(DEFAULT_OVERHEAD_FRACTION);
  const [efficiency, setEfficiency] = useState(DEFAULT_BANDWIDTH_EFFICIENCY);
  const [instanceName, setInstanceName] = useState(AUTO);
  const [term, setTerm] = useState<CommitmentTerm>('on-demand');
  const [useOwnPrice, setUseOwnPrice] = useState(false);
  const [ownPrice, setOwnPrice] = useState(1);
  const [useMeasured, setUseMeasured] = useState(false);
  const [measured, setMeasured] = useState(60000);
  const [added, setAdded] = useState<{ name: string; error: string | null } | null>(null);

  const architecture = architectures.find((row) => row.id === architectureId) ?? null;
  const load = { precision, contextTokens, concurrency, overheadFraction };
  const result = useMemo(
    () =>
      sizeSelfHosting(
        {
          model: shape,
          load: { precision, contextTokens, concurrency, overheadFraction },
          instance: instanceName === AUTO ? null : instanceName,
          term,
          efficiency,
          measuredTokensPerMinute: useMeasured ? measured : null,
          hourlyOverride: useOwnPrice ? ownPrice : null,
        },
        instances,
      ),
    [
      shape,
      precision,
      contextTokens,
      concurrency,
      overheadFraction,
      instanceName,
      term,
      efficiency,
      useMeasured,
      measured,
      useOwnPrice,
      ownPrice,
      instances,
    ],
  );

  const quality = findQualityOf(architecture, scenario.catalog);
  const entry: Model | null = useMemo(() => {
    if (!result.fit || result.hourlyPerUnit === null || result.tokensPerMinutePerUnit === null) return null;
    const modelName = architecture?.name ?? `Custom ${shape.totalParamsB}B model`;
    const built = buildCapacityEntry({
      modelName,
      modelSlug: architecture ? architecture.id : slugify(modelName, 'model'),
      provider: architecture?.provider ?? 'Self-hosted',
      precision,
      contextTokens,
      term,
      fit: result.fit,
      hourlyPerUnit: result.hourlyPerUnit,
      tokensPerMinutePerUnit: result.tokensPerMinutePerUnit,
      isThroughputMeasured: result.isThroughputMeasured,
      quality,
      today: todayIsoDay(),
    });
    return {
      ...built,
      id: makeUniqueId(
        built.id,
        scenario.catalog.map((model) => model.id),
      ),
    };
  }, [result, architecture, shape.totalParamsB, precision, contextTokens, term, quality, scenario.catalog]);

  function chooseArchitecture(id: string) {
    setArchitectureId(id);
    const chosen = architectures.find((row) => row.id === id);
    if (chosen) setShape(toShape(chosen));
  }

  function editShape(patch: Partial<ModelShape>) {
    setArchitectureId(CUSTOM);
    setShape((current) => ({ ...current, ...patch }));
  }

  function addToCatalog() {
    if (!entry) return;
    const outcome = usePlannerStore.getState().edit((current) => addModel(current, entry));
    setAdded({
      name: entry.name,
      error: outcome.ok ? null : (outcome.issues[0]?.message ?? 'the catalog refused it'),
    });
  }

  const activeSchema = z
    .number()
    .gt(0, 'must be greater than 0')
    .max(shape.totalParamsB, 'cannot exceed the total parameters');
  const reservedMissing =
    !useOwnPrice && result.fit !== null && findTermHourly(result.fit.instance, term) === null;

  return (
    <div className="self-hosting">
      <section className="card self-hosting-card" aria-labelledby="self-hosting-inputs-title">
        <h3 id="self-hosting-inputs-title">Model and serving</h3>
        <div className="self-hosting-inputs">
          <SelectField
            label="Model"
            value={architectureId}
            onChange={chooseArchitecture}
            testId="sizer-model"
            options={[
              ...architectures.map((row) => ({ value: row.id, label: row.name })),
              { value: CUSTOM, label: 'Custom model' },
            ]}
          />
          <NumberField
            label="Total parameters"
            unit="billion"
            value={shape.totalParamsB}
            schema={positive}
            onCommit={(value) => {
              editShape({
                totalParamsB: value,
                activeParamsB:
                  shape.activeParamsB !== null && shape.activeParamsB < value ? shape.activeParamsB : null,
              });
              return null;
            }}
          />
          <NumberField
            label="Active parameters"
            unit="billion"
            hint="per token; the total for a dense model"
            value={shape.activeParamsB ?? shape.totalParamsB}
            schema={activeSchema}
            onCommit={(value) => {
              editShape({ activeParamsB: value < shape.totalParamsB ? value : null });
              return null;
            }}
          />
          <NumberField
            label="Layers"
            value={shape.layers}
            schema={positiveWhole}
            onCommit={keep((value) => editShape({ layers: value }))}
          />
          <NumberField
            label="KV heads"
            value={shape.kvHeads}
            schema={positiveWhole}
            onCommit={keep((value) => editShape({ kvHeads: value }))}
          />
          <NumberField
            label="Head dimension"
            value={shape.headDim}
            schema={positiveWhole}
            onCommit={keep((value) => editShape({ headDim: value }))}
          />
          <SelectField
            label="Precision"
            value={precision}
            onChange={(value) => setPrecision(PRECISIONS.find((p) => p === value) ?? 'fp16')}
            options={PRECISIONS.map((p) => ({ value: p, label: p === 'fp16' ? 'fp16 / bf16' : p }))}
          />
          <NumberField
            label="Context length"
            unit="tokens"
            hint="prompt and completion held per request"
            value={contextTokens}
            schema={positiveWhole}
            onCommit={keep(setContextTokens)}
          />
          <NumberField
            label="Concurrent requests"
            hint="served at once; more raises throughput and KV cache"
            value={concurrency}
            schema={positiveWhole}
            onCommit={keep(setConcurrency)}
          />
          <NumberField
            label="Overhead"
            percent
            unit="%"
            hint="of weights + KV cache (an assumption)"
            value={overheadFraction}
            schema={share}
            onCommit={keep(setOverheadFraction)}
          />
        </div>
        {architecture && (
          <p className="self-hosting-note">
            Prefilled from{' '}
            {architecture.source.url ? (
              <a href={architecture.source.url} target="_blank" rel="noreferrer">
                {architecture.source.label}
              </a>
            ) : (
              architecture.source.label
            )}
            .{architecture.notes ? ` ${architecture.notes}` : ''}
          </p>
        )}
      </section>

      <MemoryBreakdown shape={shape} load={load} memory={result.memory} />

      <section className="card self-hosting-card" aria-labelledby="self-hosting-instance-title">
        <h3 id="self-hosting-instance-title">Instance, price and throughput</h3>
        <div className="self-hosting-inputs">
          <SelectField
            label="Instance"
            value={instanceName}
            onChange={setInstanceName}
            testId="sizer-instance"
            options={[
              { value: AUTO, label: 'Cheapest that fits' },
              ...instances.map((row) => ({ value: row.instance, label: describeInstance(row) })),
            ]}
          />
          <SelectField
            label="Commitment term"
            value={term}
            onChange={(value) =>
              setTerm(TERM_OPTIONS.find((option) => option.value === value)?.value ?? 'on-demand')
            }
            options={TERM_OPTIONS}
          />
          <NumberField
            label="Bandwidth achieved"
            percent
            unit="%"
            hint="of peak, for the estimate"
            value={efficiency}
            schema={efficiencySchema}
            onCommit={keep(setEfficiency)}
          />
          <OverrideField
            check="Use my own hourly price"
            on={useOwnPrice}
            onToggle={setUseOwnPrice}
            label="Hourly price per instance"
            unit="USD/h"
            money="price"
            value={ownPrice}
            onCommit={setOwnPrice}
          />
          <OverrideField
            check="Use a measured throughput"
            on={useMeasured}
            onToggle={setUseMeasured}
            label="Measured tokens per minute"
            unit="per instance"
            value={measured}
            onCommit={setMeasured}
          />
        </div>
        <CapacityResult
          result={result}
          load={load}
          efficiency={efficiency}
          instanceName={instanceName === AUTO ? null : instanceName}
          reservedMissing={reservedMissing}
          entry={entry}
          qualityFrom={quality?.name ?? null}
          added={added}
          onAdd={addToCatalog}
        />
        <InstanceTable
          instances={instances}
          totalGB={result.memory.totalGB}
          precision={precision}
          chosen={result.fit?.instance.instance ?? null}
        />
      </section>

      {entry && <SelfHostingBreakEven scenario={scenario} entry={entry} />}
    </div>
  );
}

/**
 * Self-hosting: size an open-weight model on AWS from its architecture, precision, context and concurrency; see
 * every memory term and the throughput formula; add the result to the catalog as a capacity entry in one click
 * (undoable), and see its break-even against every per-token model for a slice.
 */
export function SelfHostingPanel() {
  const tables = useQuery(gpuSizingTablesQueryOptions());
  return (
    <div className="self-hosting-panel">
      <h2>Self-hosting sizer</h2>
      <p className="self-hosting-lead">
        What would self-hosting an open-weight model on AWS cost, and from what volume does it beat paying per
        token? Sized from the model’s architecture and a GPU instance; prices are representative, so confirm
        current rates before you budget.
      </p>
      {tables.isPending && <p>Loading the instance table…</p>}
      {tables.isError && (
        <p className="notice notice--error" role="alert">
          The instance table could not be loaded: {tables.error.message}
        </p>
      )}
      {tables.data && <Sizer instances={tables.data.instances} architectures={tables.data.architectures} />}
    </div>
  );
}
