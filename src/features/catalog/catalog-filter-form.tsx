/**
 * The catalog's filters (search, provider, platform, region, open weight, reasoning, context, input price) as one
 * form, shared by the Pricing catalog and the Per-request cost screen so both filter the same way.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Model } from '../../domain/scenario-schema';
import type { PriceUnit } from '../../state/scenario-store';
import { NO_FILTERS, describePriceUnit, hasActiveFilters, listDistinct, toPerMTok } from './catalog-view';
import type { CatalogFilters, FlagFilter } from './catalog-view';

/** A yes / no / any select for one flag of the models. */
function FlagSelect({
  id,
  label,
  value,
  yes,
  no,
  onChange,
}: {
  id: string;
  label: string;
  value: FlagFilter;
  yes: string;
  no: string;
  onChange: (value: FlagFilter) => void;
}) {
  return (
    <div className="field catalog__narrow">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as FlagFilter)}>
        <option value="any">Any</option>
        <option value="yes">{yes}</option>
        <option value="no">{no}</option>
      </select>
    </div>
  );
}

/** A number typed in a filter: empty or unreadable means no limit. */
function readLimit(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export type CatalogFilterControls = {
  /** The filters as typed (the price limit as text in the shown unit). */
  state: { filters: CatalogFilters; maxInputText: string; minContextText: string };
  /** The filters to apply, the input price limit read per million tokens. */
  shownFilters: CatalogFilters;
  update: <K extends keyof CatalogFilters>(key: K, value: CatalogFilters[K]) => void;
  setMaxInputText: (text: string) => void;
  setMinContextText: (text: string) => void;
  clear: () => void;
};

/** The filter form's state. The price limit is typed in the unit prices are shown in, and read per million tokens. */
export function useCatalogFilters(priceUnit: PriceUnit): CatalogFilterControls {
  const [filters, setFilters] = useState<CatalogFilters>(NO_FILTERS);
  const [maxInputText, setMaxInputText] = useState('');
  const [minContextText, setMinContextText] = useState('');
  const maxInputLimit = readLimit(maxInputText);
  const maxInputPerMTok = maxInputLimit === null ? null : toPerMTok(maxInputLimit, priceUnit);
  const shownFilters = useMemo(() => ({ ...filters, maxInputPerMTok }), [filters, maxInputPerMTok]);
  return {
    state: { filters, maxInputText, minContextText },
    shownFilters,
    update: (key, value) => setFilters((previous) => ({ ...previous, [key]: value })),
    setMaxInputText,
    setMinContextText: (text) => {
      setMinContextText(text);
      setFilters((previous) => ({ ...previous, minContextTokens: readLimit(text) }));
    },
    clear: () => {
      setFilters(NO_FILTERS);
      setMaxInputText('');
      setMinContextText('');
    },
  };
}

/**
 * The filter form. `onChange` runs after every change (the tables scroll back to their first row); `children`
 * follow the Clear button (the count of models shown).
 */
export function CatalogFilterForm({
  controls,
  catalog,
  priceUnit,
  onChange,
  label = 'Filter models',
  children,
}: {
  controls: CatalogFilterControls;
  catalog: readonly Model[];
  priceUnit: PriceUnit;
  onChange: () => void;
  label?: string;
  children?: ReactNode;
}) {
  const formId = useId();
  const { state, shownFilters } = controls;
  // The lists follow the catalog in a render of their own: an edit's own render (a price typed at 10,000 models)
  // does not read every model three times for them.
  const listedCatalog = useDeferredValue(catalog);
  const providers = useMemo(() => listDistinct(listedCatalog, 'provider'), [listedCatalog]);
  const platforms = useMemo(() => listDistinct(listedCatalog, 'platform'), [listedCatalog]);
  const regions = useMemo(() => listDistinct(listedCatalog, 'region'), [listedCatalog]);
  function update<K extends keyof CatalogFilters>(key: K, value: CatalogFilters[K]) {
    controls.update(key, value);
    onChange();
  }
  function setMinContextText(text: string) {
    controls.setMinContextText(text);
    onChange();
  }
  function setMaxInputText(text: string) {
    controls.setMaxInputText(text);
    onChange();
  }
  function clear() {
    controls.clear();
    onChange();
  }
  return (
    <form className="catalog__filters" role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      <div className="field catalog__search">
        <label htmlFor={`${formId}-search`} className="field__label">
          Search name, id or key
        </label>
        <input
          id={`${formId}-search`}
          type="search"
          value={state.filters.search}
          placeholder="e.g. sonnet 4.5"
          onChange={(event) => update('search', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-provider`} className="field__label">
          Provider
        </label>
        <select
          id={`${formId}-provider`}
          value={state.filters.provider}
          onChange={(event) => update('provider', event.target.value)}
        >
          <option value="">Any provider</option>
          {providers.map((provider) => (
            <option key={provider} value={provider}>
              {provider || '(none)'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${formId}-platform`} className="field__label">
          Platform
        </label>
        <select
          id={`${formId}-platform`}
          value={state.filters.platform}
          onChange={(event) => update('platform', event.target.value)}
        >
          <option value="">Any platform</option>
          {platforms.map((platform) => (
            <option key={platform} value={platform}>
              {platform}
            </option>
          ))}
        </select>
      </div>
      <div className="field catalog__narrow">
        <label htmlFor={`${formId}-region`} className="field__label">
          Region
        </label>
        <select
          id={`${formId}-region`}
          value={state.filters.region}
          onChange={(event) => update('region', event.target.value)}
        >
          <option value="">Any region</option>
          {regions.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
      </div>
      <FlagSelect
        id={`${formId}-open`}
        label="Open weight"
        value={state.filters.openWeight}
        yes="Open weight only"
        no="Closed weight only"
        onChange={(value) => update('openWeight', value)}
      />
      <FlagSelect
        id={`${formId}-reasoning`}
        label="Reasoning"
        value={state.filters.reasoning}
        yes="Reasoning only"
        no="No reasoning"
        onChange={(value) => update('reasoning', value)}
      />
      <div className="field catalog__limit">
        <label htmlFor={`${formId}-context`} className="field__label">
          Context at least (tokens)
        </label>
        <input
          id={`${formId}-context`}
          type="number"
          inputMode="numeric"
          min={0}
          step={1000}
          placeholder="e.g. 128000"
          value={state.minContextText}
          onChange={(event) => {
            setMinContextText(event.target.value);
          }}
        />
      </div>
      <div className="field catalog__limit">
        <label htmlFor={`${formId}-max-input`} className="field__label">
          Input at most ({describePriceUnit(priceUnit)})
        </label>
        <input
          id={`${formId}-max-input`}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          placeholder="any"
          value={state.maxInputText}
          onChange={(event) => {
            setMaxInputText(event.target.value);
          }}
        />
      </div>
      <button type="button" className="button" disabled={!hasActiveFilters(shownFilters)} onClick={clear}>
        Clear filters
      </button>
      {children}
    </form>
  );
}
