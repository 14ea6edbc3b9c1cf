import { findById } from '../../domain/find-by-id';
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { capacityPricingSchema, modelSchema, perTokenPricingSchema } from '../../domain/scenario-schema';
import type { CapacityPricing, LongContext, Model, PerTokenPricing } from '../../domain/scenario-schema';
import { markPricesEdited, updateModel } from '../../state/scenario-edits';
import { todayIsoDay } from '../../format/format';
import { usePlannerStore } from '../../state/scenario-store';
import type { PriceUnit } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { useFieldEditGroup } from '../../ui/edit-group';
import { NumberField } from '../../ui/number-field';
import { TextField } from '../../ui/text-field';
import {
  BLANK_PER_TOKEN_PRICING,
  describePriceUnit,
  isSeedFigure,
  toPerMTok,
  toShownPrice,
} from './catalog-view';
import { NullableNumberField } from './nullable-number-field';
import { useDockUnderSummary } from './dock-under-summary';
import { useFiguresScenario } from '../../state/figures';
import { selectCheapestStrategy, selectPlan } from '../../state/selectors';
import { CheapestLine } from '../../ui/cheapest-line';

const priceSchema = perTokenPricingSchema.shape.inputPerMTok;
const batchDiscountSchema = perTokenPricingSchema.shape.batchDiscount.unwrap().unwrap();
const hourlySchema = capacityPricingSchema.shape.hourlyPerUnit;
const throughputSchema = capacityPricingSchema.shape.tokensPerMinutePerUnit;
const minUnitsSchema = capacityPricingSchema.shape.minUnits.unwrap();
const contextWindowSchema = modelSchema.shape.contextWindow.unwrap().unwrap();
const qualitySchema = modelSchema.shape.quality.unwrap();
const outputTokenFactorSchema = modelSchema.shape.outputTokenFactor.unwrap();
const retiresOnSchema = modelSchema.shape.retiresOn.unwrap().unwrap();
const tokenizerFactorSchema = modelSchema.shape.tokenizerFactor.unwrap();
const minPrefixSchema = perTokenPricingSchema.shape.minCachePrefixTokens.unwrap();
const longContextShape = perTokenPricingSchema.shape.longContext.unwrap().unwrap().shape;
const commitmentSchema = capacityPricingSchema.shape.commitmentMonths.unwrap();

/** Where a model switched to capacity billing starts: no price yet, one unit of 60K tokens/min, no minimum. */
const BLANK_CAPACITY: CapacityPricing = {
  kind: 'capacity',
  hourlyPerUnit: 0,
  tokensPerMinutePerUnit: 60_000,
  minUnits: 0,
  commitmentMonths: 0,
};
const DEFAULT_CONTEXT_WINDOW_TOKENS = 128_000;
const DEFAULT_BATCH_DISCOUNT = 0.5;
/** Where a long-context tier starts when switched on: above 200K input tokens, at twice the base prices. */
const DEFAULT_LONG_CONTEXT_THRESHOLD = 200_000;

type Parked = { perToken: PerTokenPricing | null; capacity: CapacityPricing | null };

/**
 * Applies `change` to the model now called `modelId` through the store; returns the refusal to show, if any.
 * The change reads the model as it is in the store, so quick successive edits never undo each other.
 */
function commitModel(modelId: string, change: (model: Model) => Model): string | null {
  const { scenario, edit } = usePlannerStore.getState();
  const index = scenario?.catalog.findIndex((model) => model.id === modelId) ?? -1;
  if (index < 0) return 'was not applied: this model is no longer in the catalog';
  const result = edit((current) => {
    const model = current.catalog[index];
    return model ? updateModel(current, index, change(model)) : current;
  });
  return describeRefusal(result);
}

/**
 * As `commitModel`, for a change of the model's prices: one that changes them marks its source as the user's
 * own figure, in the same undo step (`markPricesEdited`).
 */
function commitPricing(modelId: string, change: (model: Model) => Model): string | null {
  return commitModel(modelId, (current) => {
    const next = change(current);
    const samePrices = JSON.stringify(next.pricing) === JSON.stringify(current.pricing);
    return samePrices ? next : markPricesEdited(next, todayIsoDay());
  });
}

function withOptionalText<T extends object, K extends string>(
  base: T,
  key: K,
  text: string,
): T & Partial<Record<K, string>> {
  const copy = { ...base } as Record<string, unknown>;
  if (text === '') delete copy[key];
  else copy[key] = text;
  return copy as T & Partial<Record<K, string>>;
}

export type ModelEditorProps = {
  modelId: string;
  priceUnit: PriceUnit;
  /** The model's id changed (the editor keeps following it). */
  onIdChange: (id: string) => void;
  onClose: () => void;
  onDuplicate: (id: string) => void;
  /** Deletes the model; returns the refusal to show (strategies that still use it), or null. */
  onDelete: (id: string) => string | null;
};

/**
 * The editor of one catalog entry, a panel docked beside the table: every field labelled, validated as the user types, each
 * valid value applied at once (Undo takes it back). Focus moves to its heading on open; Done or Escape close it.
 */
export function ModelEditor({
  modelId,
  priceUnit,
  onIdChange,
  onClose,
  onDuplicate,
  onDelete,
}: ModelEditorProps) {
  const model = usePlannerStore((state) =>
    state.scenario ? findById(state.scenario.catalog, modelId) : undefined,
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const inNotesEditGroup = useFieldEditGroup();
  const [parked, setParked] = useState<Parked>({ perToken: null, capacity: null });
  const [kindRefusal, setKindRefusal] = useState<string | null>(null);
  const [deleteRefusal, setDeleteRefusal] = useState<string | null>(null);
  const [notesRefusal, setNotesRefusal] = useState<string | null>(null);
  const [longContextRefusal, setLongContextRefusal] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  useDockUnderSummary(sectionRef);
  /** The field whose typed value was not applied, named when Done was first pressed; a second press closes. */
  const [unapplied, setUnapplied] = useState<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  /**
   * Closes the editor, unless a field still holds text that was not applied (its message beside it): then the
   * first press says so and takes focus there, and a second press closes without it.
   */
  function close() {
    const invalid = sectionRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]');
    if (invalid && unapplied === null) {
      const label = invalid.labels?.[0]?.textContent?.trim() || 'A field';
      setUnapplied(label);
      invalid.focus();
      return;
    }
    onClose();
  }

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  if (!model) {
    return (
      <section
        className="card catalog-editor"
        aria-labelledby={headingId}
        onKeyDown={handleKeyDown}
        ref={sectionRef}
      >
        <div className="catalog-editor__head">
          <h3 id={headingId} ref={headingRef} tabIndex={-1}>
            Model not in the catalog
          </h3>
          <button type="button" className="button" onClick={onClose}>
            Close editor
          </button>
        </div>
        <p className="muted">
          This model is no longer in the catalog (the edit was undone, or it was deleted).
        </p>
      </section>
    );
  }

  const displayName = model.name || model.id;
  const pricing = model.pricing;
  const unitText = describePriceUnit(priceUnit);

  function commitPerToken(patch: Partial<Omit<PerTokenPricing, 'kind'>>): string | null {
    return commitPricing(modelId, (current) =>
      current.pricing.kind === 'per-token'
        ? { ...current, pricing: { ...current.pricing, ...patch } }
        : current,
    );
  }
  function commitCapacity(patch: Partial<Omit<CapacityPricing, 'kind'>>): string | null {
    return commitPricing(modelId, (current) =>
      current.pricing.kind === 'capacity'
        ? { ...current, pricing: { ...current.pricing, ...patch } }
        : current,
    );
  }

  function commitLongContext(patch: Partial<LongContext>): string | null {
    return commitPricing(modelId, (current) =>
      current.pricing.kind === 'per-token' && current.pricing.longContext !== null
        ? {
            ...current,
            pricing: { ...current.pricing, longContext: { ...current.pricing.longContext, ...patch } },
          }
        : current,
    );
  }

  function switchKind(kind: Model['pricing']['kind']) {
    if (kind === pricing.kind) return;
    const next =
      kind === 'per-token'
        ? (parked.perToken ?? BLANK_PER_TOKEN_PRICING)
        : (parked.capacity ?? BLANK_CAPACITY);
    const refusal = commitPricing(modelId, (current) => ({ ...current, pricing: next }));
    setKindRefusal(refusal);
    if (refusal === null) {
      setParked((previous) =>
        pricing.kind === 'per-token'
          ? { ...previous, perToken: pricing }
          : { ...previous, capacity: pricing },
      );
    }
  }

  function commitId(id: string): string | null {
    const catalog = usePlannerStore.getState().scenario?.catalog ?? [];
    if (catalog.some((other) => other.id === id && other.id !== modelId))
      return 'is already used by another model';
    const refusal = commitModel(modelId, (current) => ({ ...current, id }));
    if (refusal === null) onIdChange(id);
    return refusal;
  }

  function commitSource(field: 'label' | 'asOf' | 'url', text: string): string | null {
    return commitModel(modelId, (current) => {
      const source = current.source ?? { label: '', asOf: '' };
      if (field === 'url') return { ...current, source: withOptionalText(source, 'url', text) };
      return { ...current, source: { ...source, [field]: text } };
    });
  }

  const isNew = pricing.kind === 'per-token' && pricing.inputPerMTok === 0 && pricing.outputPerMTok === 0;
  const isUnpricedCapacity = pricing.kind === 'capacity' && pricing.hourlyPerUnit === 0;

  return (
    <section
      className="card catalog-editor"
      aria-labelledby={headingId}
      onKeyDown={handleKeyDown}
      ref={sectionRef}
    >
      <div className="catalog-editor__head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          Edit {displayName}
        </h3>
        <div className="toolbar">
          <button
            type="button"
            className="button"
            aria-label={`Duplicate ${displayName}`}
            onClick={() => onDuplicate(modelId)}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-label={`Delete ${displayName}`}
            onClick={() => setDeleteRefusal(onDelete(modelId))}
          >
            Delete
          </button>
          <button type="button" className="button button--primary" onClick={close}>
            Done
          </button>
        </div>
      </div>
      {unapplied !== null && (
        <p className="notice notice--warn" role="alert">
          {unapplied} holds a value that was not applied (see its message). Correct it, or press Done again to
          close and keep the last value applied.
        </p>
      )}
      <p className="muted catalog-editor__intro">
        Changes apply as you type and the summary follows; Undo takes any of them back.
      </p>
      <EditorFigures />
      {deleteRefusal && (
        <p className="notice notice--warn" role="alert">
          {deleteRefusal}
        </p>
      )}
      {isSeedFigure(model) && (
        <p className="notice notice--info">
          <span>
            <span className="badge badge--warn catalog-seed-badge">seed</span> These are representative 2026
            figures: confirm them before you budget.
          </span>
        </p>
      )}

      <div className="catalog-editor__sections">
        <fieldset className="catalog-editor__group">
          <legend>Identity</legend>
          <div className="catalog-editor__grid catalog-editor__grid--identity">
            <TextField
              label="Name"
              value={model.name}
              onCommit={(name) => commitModel(modelId, (current) => ({ ...current, name }))}
            />
            <TextField label="Id" value={model.id} required onCommit={commitId} />
            <TextField
              label="Provider"
              value={model.provider}
              onCommit={(provider) => commitModel(modelId, (current) => ({ ...current, provider }))}
            />
            <TextField
              label="Platform"
              value={model.platform}
              required
              onCommit={(platform) => commitModel(modelId, (current) => ({ ...current, platform }))}
            />
            <TextField
              label="Region"
              value={model.region ?? ''}
              hint="Where it serves requests: global, us, eu, eu-west-3… Empty: not specified."
              onCommit={(text) =>
                commitModel(modelId, (current) => ({
                  ...current,
                  region: text.trim() === '' ? null : text.trim().toLowerCase(),
                }))
              }
            />
            <TextField
              label="Retires on"
              value={model.retiresOn ?? ''}
              hint="The day the provider stops serving it (YYYY-MM-DD). Empty: none announced."
              onCommit={(text) => {
                const day = text.trim();
                if (day === '') return commitModel(modelId, (current) => ({ ...current, retiresOn: null }));
                const parsed = retiresOnSchema.safeParse(day);
                if (!parsed.success)
                  return parsed.error.issues[0]?.message ?? 'must be a date written YYYY-MM-DD';
                return commitModel(modelId, (current) => ({ ...current, retiresOn: parsed.data }));
              }}
            />
          </div>
          <div className="catalog-editor__check">
            <input
              id={`${headingId}-open`}
              type="checkbox"
              checked={model.openWeight}
              onChange={(event) => {
                const openWeight = event.target.checked;
                commitModel(modelId, (current) => ({ ...current, openWeight }));
              }}
            />
            <label htmlFor={`${headingId}-open`}>Open weight (the weights are published)</label>
          </div>
        </fieldset>

        <fieldset className="catalog-editor__group">
          <legend>Pricing</legend>
          <div className="catalog-editor__kind" role="radiogroup" aria-label="Billing">
            <label>
              <input
                type="radio"
                name={`${headingId}-kind`}
                checked={pricing.kind === 'per-token'}
                onChange={() => switchKind('per-token')}
              />
              Per token
            </label>
            <label>
              <input
                type="radio"
                name={`${headingId}-kind`}
                checked={pricing.kind === 'capacity'}
                onChange={() => switchKind('capacity')}
              />
              Capacity (provisioned throughput or self-hosted)
            </label>
          </div>
          {kindRefusal && (
            <p className="field__error" role="alert">
              Billing {kindRefusal}
            </p>
          )}
          {(isNew || isUnpricedCapacity) && (
            <p className="catalog-editor__hint" role="status">
              {isNew ? 'Enter the input and output prices.' : 'Enter the price of one unit per hour.'}
            </p>
          )}
          {pricing.kind === 'per-token' ? (
            <div className="catalog-editor__grid">
              <NumberField
                label="Input price"
                value={toShownPrice(pricing.inputPerMTok, priceUnit)}
                schema={priceSchema}
                unit={unitText}
                money="price"
                onCommit={(shown) => commitPerToken({ inputPerMTok: toPerMTok(shown, priceUnit) })}
              />
              <NumberField
                label="Output price"
                value={toShownPrice(pricing.outputPerMTok, priceUnit)}
                schema={priceSchema}
                unit={unitText}
                money="price"
                onCommit={(shown) => commitPerToken({ outputPerMTok: toPerMTok(shown, priceUnit) })}
              />
              <NullableNumberField
                label="Cache write price"
                value={
                  pricing.cacheWritePerMTok === null
                    ? null
                    : toShownPrice(pricing.cacheWritePerMTok, priceUnit)
                }
                nullLabel="Same as input price"
                offText={
                  pricing.cacheReadPerMTok === null
                    ? 'The input price, once prompt caching is on'
                    : 'Writes cost the input price'
                }
                valueWhenSet={toShownPrice(pricing.inputPerMTok, priceUnit)}
                schema={priceSchema}
                unit={unitText}
                money="price"
                onCommit={(shown) =>
                  commitPerToken({ cacheWritePerMTok: shown === null ? null : toPerMTok(shown, priceUnit) })
                }
              />
              <NullableNumberField
                label="Cache read price"
                value={
                  pricing.cacheReadPerMTok === null ? null : toShownPrice(pricing.cacheReadPerMTok, priceUnit)
                }
                nullLabel="No prompt caching"
                offText="Not offered"
                valueWhenSet={toShownPrice(pricing.inputPerMTok / 10, priceUnit)}
                schema={priceSchema}
                unit={unitText}
                money="price"
                onCommit={(shown) =>
                  commitPerToken({ cacheReadPerMTok: shown === null ? null : toPerMTok(shown, priceUnit) })
                }
              />
              <NullableNumberField
                label="Batch discount"
                value={pricing.batchDiscount}
                nullLabel="No batch mode"
                offText="Not offered"
                valueWhenSet={DEFAULT_BATCH_DISCOUNT}
                schema={batchDiscountSchema}
                percent
                hint="Taken off batched calls: 50 % is half price."
                onCommit={(batchDiscount) => commitPerToken({ batchDiscount })}
              />
              <NullableNumberField
                label="1-hour cache write price"
                value={
                  pricing.cacheWrite1hPerMTok === null
                    ? null
                    : toShownPrice(pricing.cacheWrite1hPerMTok, priceUnit)
                }
                nullLabel="No 1-hour cache lifetime"
                offText="Not offered"
                valueWhenSet={toShownPrice(pricing.inputPerMTok * 2, priceUnit)}
                schema={priceSchema}
                unit={unitText}
                money="price"
                hint="Slices with a 1-hour cache lifetime write at this price."
                onCommit={(shown) =>
                  commitPerToken({ cacheWrite1hPerMTok: shown === null ? null : toPerMTok(shown, priceUnit) })
                }
              />
              <NumberField
                label="Minimum cached prefix"
                value={pricing.minCachePrefixTokens}
                schema={minPrefixSchema}
                unit="tokens"
                hint="Shorter prefixes are never cached."
                onCommit={(minCachePrefixTokens) => commitPerToken({ minCachePrefixTokens })}
              />
              <div className="catalog-editor__check catalog-editor__check--cell">
                <input
                  id={`${headingId}-batch-caching`}
                  type="checkbox"
                  checked={pricing.batchCaching}
                  onChange={(event) => {
                    const batchCaching = event.target.checked;
                    commitPerToken({ batchCaching });
                  }}
                />
                <label htmlFor={`${headingId}-batch-caching`}>
                  Caching applies to batched calls (clear it when batches bill at list price before the
                  discount)
                </label>
              </div>
            </div>
          ) : (
            <div className="catalog-editor__grid">
              <NumberField
                label="Price per unit-hour"
                value={pricing.hourlyPerUnit}
                schema={hourlySchema}
                unit="$ / hour"
                money="price"
                hint="One GPU node or one provisioned-throughput model unit."
                onCommit={(hourlyPerUnit) => commitCapacity({ hourlyPerUnit })}
              />
              <NumberField
                label="Throughput per unit"
                value={pricing.tokensPerMinutePerUnit}
                schema={throughputSchema}
                unit="tokens / min"
                hint="Input plus output tokens one unit sustains."
                onCommit={(tokensPerMinutePerUnit) => commitCapacity({ tokensPerMinutePerUnit })}
              />
              <NumberField
                label="Minimum units"
                value={pricing.minUnits}
                schema={minUnitsSchema}
                unit="units"
                hint="Billed every month once a strategy routes to it."
                onCommit={(minUnits) => commitCapacity({ minUnits })}
              />
              <NumberField
                label="Commitment term"
                value={pricing.commitmentMonths}
                schema={commitmentSchema}
                unit="months"
                hint="Units are bought for this many months at a time; 0 means no commitment."
                onCommit={(commitmentMonths) => commitCapacity({ commitmentMonths })}
              />
            </div>
          )}
        </fieldset>

        {pricing.kind === 'per-token' && (
          <fieldset className="catalog-editor__group">
            <legend>Long-context price tier</legend>
            <div className="catalog-editor__check">
              <input
                id={`${headingId}-long-context`}
                type="checkbox"
                checked={pricing.longContext !== null}
                onChange={(event) => {
                  const on = event.target.checked;
                  setLongContextRefusal(
                    commitPerToken({
                      longContext: on
                        ? {
                            aboveInputTokens: DEFAULT_LONG_CONTEXT_THRESHOLD,
                            inputPerMTok: pricing.inputPerMTok * 2,
                            outputPerMTok: pricing.outputPerMTok * 1.5,
                          }
                        : null,
                    }),
                  );
                }}
              />
              <label htmlFor={`${headingId}-long-context`}>
                Long prompts cost more (above a number of input tokens, every token of the call bills at these
                prices)
              </label>
            </div>
            {longContextRefusal && (
              <p className="field__error" role="alert">
                Long-context price tier {longContextRefusal}
              </p>
            )}
            {pricing.longContext !== null && (
              <div className="catalog-editor__grid">
                <NumberField
                  label="Long-context above"
                  value={pricing.longContext.aboveInputTokens}
                  schema={longContextShape.aboveInputTokens}
                  unit="input tokens"
                  onCommit={(aboveInputTokens) => commitLongContext({ aboveInputTokens })}
                />
                <NumberField
                  label="Long-context input price"
                  value={toShownPrice(pricing.longContext.inputPerMTok, priceUnit)}
                  schema={longContextShape.inputPerMTok}
                  unit={unitText}
                  money="price"
                  onCommit={(shown) => commitLongContext({ inputPerMTok: toPerMTok(shown, priceUnit) })}
                />
                <NumberField
                  label="Long-context output price"
                  value={toShownPrice(pricing.longContext.outputPerMTok, priceUnit)}
                  schema={longContextShape.outputPerMTok}
                  unit={unitText}
                  money="price"
                  hint="Cache prices not given here scale with the input price."
                  onCommit={(shown) => commitLongContext({ outputPerMTok: toPerMTok(shown, priceUnit) })}
                />
              </div>
            )}
          </fieldset>
        )}

        <fieldset className="catalog-editor__group">
          <legend>Capabilities</legend>
          <div className="catalog-editor__grid">
            <NullableNumberField
              label="Context window"
              value={model.contextWindow}
              nullLabel="Unlimited"
              offText="No limit"
              valueWhenSet={DEFAULT_CONTEXT_WINDOW_TOKENS}
              schema={contextWindowSchema}
              unit="tokens"
              onCommit={(contextWindow) => commitModel(modelId, (current) => ({ ...current, contextWindow }))}
            />
            <NumberField
              label="Quality"
              value={model.quality}
              schema={qualitySchema}
              hint="Your own scale; slices set their bar on it."
              onCommit={(quality) => commitModel(modelId, (current) => ({ ...current, quality }))}
            />
            <NumberField
              label="Output-token factor"
              value={model.outputTokenFactor}
              schema={outputTokenFactorSchema}
              unit="×"
              hint="Output tokens it spends per reference output token."
              onCommit={(outputTokenFactor) =>
                commitModel(modelId, (current) => ({ ...current, outputTokenFactor }))
              }
            />
            <NumberField
              label="Tokenizer factor"
              value={model.tokenizerFactor}
              schema={tokenizerFactorSchema}
              unit="×"
              hint="Its tokens for text a slice counts as one token (1.3 = 30 % more)."
              onCommit={(tokenizerFactor) =>
                commitModel(modelId, (current) => ({ ...current, tokenizerFactor }))
              }
            />
          </div>
          <div className="catalog-editor__check">
            <input
              id={`${headingId}-reasoning`}
              type="checkbox"
              checked={model.reasoning}
              onChange={(event) => {
                const reasoning = event.target.checked;
                commitModel(modelId, (current) => ({ ...current, reasoning }));
              }}
            />
            <label htmlFor={`${headingId}-reasoning`}>
              Reasoning model (spends each slice’s reasoning tokens, billed as output)
            </label>
          </div>
        </fieldset>

        <fieldset className="catalog-editor__group">
          <legend>Source</legend>
          <div className="catalog-editor__grid catalog-editor__grid--source">
            <TextField
              label="Source"
              value={model.source?.label ?? ''}
              onCommit={(text) => commitSource('label', text)}
            />
            <TextField
              label="As of"
              value={model.source?.asOf ?? ''}
              onCommit={(text) => commitSource('asOf', text)}
            />
            <TextField
              label="Link"
              value={model.source?.url ?? ''}
              onCommit={(text) => commitSource('url', text)}
            />
          </div>
          <div className="field catalog-editor__notes">
            <label htmlFor={`${headingId}-notes`} className="field__label">
              Notes
            </label>
            <textarea
              id={`${headingId}-notes`}
              rows={3}
              value={model.notes ?? ''}
              onChange={(event) => {
                const text = event.target.value;
                setNotesRefusal(
                  inNotesEditGroup(() =>
                    commitModel(modelId, (current) => withOptionalText(current, 'notes', text)),
                  ),
                );
              }}
            />
            {notesRefusal && (
              <span className="field__error" role="alert">
                Notes {notesRefusal}
              </span>
            )}
          </div>
        </fieldset>
      </div>
    </section>
  );
}

/**
 * The summary's folded line inside the editor, for screens where the editor covers the summary (under 900 px, a
 * phone's whole screen): the figures a price edit moves, in view while it is typed.
 */
function EditorFigures() {
  const scenario = useFiguresScenario();
  if (!selectPlan(scenario).ok) return null;
  return (
    <p className="catalog-editor__figures" data-testid="editor-figures">
      <CheapestLine cheapest={selectCheapestStrategy(scenario)} scenario={scenario} />
    </p>
  );
}
