import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { Model } from '../../domain/scenario-schema';
import type { PriceUnit } from '../../state/scenario-store';
import { formatNumber, formatPrice } from '../../format/format';
import { makeSearchMatcher } from '../../ui/model-search';
import { describePriceUnit, toShownPrice } from './catalog-view';
import { observeWithFallbackHeight } from '../../ui/fallback-rect';

const ROW_HEIGHT_PX = 44;
const LIST_HEIGHT_PX = 320;

export type ModelPickerProps = {
  models: readonly Model[];
  selected: ReadonlySet<string>;
  onChange: (selected: ReadonlySet<string>) => void;
  priceUnit: PriceUnit;
};

function describeOffer(model: Model, priceUnit: PriceUnit): string {
  const pricing = model.pricing;
  if (pricing.kind !== 'per-token') return `${formatPrice(pricing.hourlyPerUnit)}/hour per unit`;
  const show = (perMTok: number) => formatPrice(toShownPrice(perMTok, priceUnit));
  return `${show(pricing.inputPerMTok)} in · ${show(pricing.outputPerMTok)} out`;
}

/**
 * A searchable, virtualised list of models with a checkbox each: the search reads like the catalog's ("sonnet
 * 4.5"), "Select all shown" takes every model the search leaves, and only the rows in view are in the DOM.
 */
export function ModelPicker({ models, selected, onChange, priceUnit }: ModelPickerProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const shown = useMemo(() => models.filter(makeSearchMatcher(deferredSearch)), [models, deferredSearch]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler.
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 6,
    initialRect: { width: 0, height: LIST_HEIGHT_PX },
    observeElementRect: observeWithFallbackHeight(observeElementRect, LIST_HEIGHT_PX),
  });
  const shownSelected = shown.reduce((count, model) => count + (selected.has(model.id) ? 1 : 0), 0);

  function toggle(modelId: string, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(modelId);
    else next.delete(modelId);
    onChange(next);
  }

  function selectShown(checked: boolean) {
    const next = new Set(selected);
    for (const model of shown) {
      if (checked) next.add(model.id);
      else next.delete(model.id);
    }
    onChange(next);
  }

  return (
    <div className="model-picker">
      <div className="model-picker__tools">
        <div className="field model-picker__search">
          <label htmlFor={`${id}-search`} className="field__label">
            Search the file’s models
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder="e.g. sonnet 4.5 bedrock"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <button
          type="button"
          className="button"
          disabled={shown.length === 0 || shownSelected === shown.length}
          onClick={() => selectShown(true)}
        >
          Select all {formatNumber(shown.length)} shown
        </button>
        <button
          type="button"
          className="button"
          disabled={shownSelected === 0}
          onClick={() => selectShown(false)}
        >
          Clear shown
        </button>
        <p className="model-picker__count" aria-live="polite" data-testid="picker-count">
          {formatNumber(shown.length)} of {formatNumber(models.length)} shown · {formatNumber(selected.size)}{' '}
          selected
        </p>
      </div>
      <div
        ref={scrollRef}
        className="model-picker__scroll"
        role="group"
        aria-label={`Models to add (${describePriceUnit(priceUnit)})`}
        tabIndex={0}
        style={{ height: LIST_HEIGHT_PX }}
      >
        {shown.length === 0 ? (
          <p className="muted model-picker__empty">No model of the file matches “{search}”.</p>
        ) : (
          <ul className="model-picker__list" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const model = shown[item.index];
              if (!model) return null;
              return (
                <li
                  key={model.id}
                  className="model-picker__row"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT_PX }}
                >
                  <label className="model-picker__label">
                    <input
                      type="checkbox"
                      checked={selected.has(model.id)}
                      onChange={(event) => toggle(model.id, event.target.checked)}
                    />
                    <span className="model-picker__text">
                      <span className="model-picker__name">{model.name || model.id}</span>
                      <span className="model-picker__id">{model.id}</span>
                    </span>
                    <span className="model-picker__price">{describeOffer(model, priceUnit)}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
