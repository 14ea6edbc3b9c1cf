import { findById } from '../../domain/find-by-id';
import { findCheapestScoredRow } from '../../domain/model-ranking';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Model } from '../../domain/scenario-schema';
import { formatIssue } from '../../domain/validate-scenario';
import { shippedCatalogQueryOptions } from '../../queries/catalog-queries';
import {
  addModel,
  duplicateModel,
  findModelsKeptOnReplace,
  findStrategiesUsingModel,
  removeModel,
  replaceCatalog,
} from '../../state/scenario-edits';
import { makeUniqueId } from '../../domain/ids';
import { usePlannerStore } from '../../state/scenario-store';
import { useScenarioAfterPaint } from './scenario-after-paint';
import type { PriceUnit } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { formatNumber, listWords, todayIsoDay } from '../../format/format';
import { CatalogFilterForm, useCatalogFilters } from './catalog-filter-form';
import { CatalogImport } from './catalog-import';
import { describeModel } from './catalog-import-text';
import { CatalogTable } from './catalog-table';
import type { CatalogTableHandle } from './catalog-table';
import { BLANK_PER_TOKEN_PRICING, isModelShown, selectCatalogRows, toggleSort } from './catalog-view';
import { STALE_AFTER_DAYS, countStalePrices } from '../../domain/price-age';
import type { CatalogSort, SortKey } from './catalog-view';
import { ModelEditor } from './model-editor';
import './catalog.css';

type Editing = { id: string; session: number };

/** A fresh per-token model with no prices yet, on the platform the user is looking at. */
function createBlankModel(catalog: readonly Model[], platform: string): Model {
  return {
    id: makeUniqueId(
      'new-model',
      catalog.map((model) => model.id),
    ),
    name: 'New model',
    provider: '',
    platform: platform || catalog[0]?.platform || 'custom',
    pricing: BLANK_PER_TOKEN_PRICING,
    contextWindow: null,
    quality: 0,
    outputTokenFactor: 1,
    openWeight: false,
    region: null,
    tokenizerFactor: 1,
    reasoning: false,
    priceKey: null,
    retiresOn: null,
  };
}

function PriceUnitToggle({ unit, onChange }: { unit: PriceUnit; onChange: (unit: PriceUnit) => void }) {
  return (
    <div className="catalog__unit" role="group" aria-label="Show prices">
      <span className="catalog__unit-label" aria-hidden="true">
        Prices
      </span>
      <button
        type="button"
        className="button"
        aria-pressed={unit === 'per-million'}
        onClick={() => onChange('per-million')}
      >
        per 1M tokens
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={unit === 'per-thousand'}
        onClick={() => onChange('per-thousand')}
      >
        per 1K tokens
      </button>
    </div>
  );
}

export type CatalogPanelProps = {
  /** Today, YYYY-MM-DD, for the age of each price; the current day in the user's time zone by default. */
  today?: string;
};

/**
 * The pricing catalog: every model of the scenario in a sortable, filterable, virtualised table, with an editor
 * for one model at a time, adding, duplicating, deleting, and a reset to the catalog shipped with the app.
 */
export function CatalogPanel({ today: givenToday }: CatalogPanelProps = {}) {
  const [clockToday] = useState(() => todayIsoDay());
  const today = givenToday ?? clockToday;
  // The table, its count and the filters' choices follow an edit once its frame is drawn: the editor draws the
  // edited field first, then 10,000 rows are filtered, sorted and counted in a render that yields to typing.
  const scenario = useScenarioAfterPaint();
  const shownCatalog = scenario.catalog;
  const [priceUnit, setPriceUnit] = usePlannerStore(useShallow((s) => [s.priceUnit, s.setPriceUnit]));
  const [sort, setSort] = useState<CatalogSort>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState('');
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [resetRefusal, setResetRefusal] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const tableRef = useRef<CatalogTableHandle>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const resetButtonRef = useRef<HTMLButtonElement>(null);
  const importButtonRef = useRef<HTMLButtonElement>(null);
  const pendingReveal = useRef<string | null>(null);

  const shipped = useQuery({ ...shippedCatalogQueryOptions(), enabled: confirmingReset });

  const filterControls = useCatalogFilters(priceUnit);
  const { shownFilters } = filterControls;
  const rows = useMemo(
    () => selectCatalogRows(shownCatalog, shownFilters, sort),
    [shownCatalog, shownFilters, sort],
  );
  const staleCount = useMemo(() => countStalePrices(shownCatalog, today), [shownCatalog, today]);
  // Crowned among two or more rows only: the cheapest of one model says nothing.
  const cheapestIndex = useMemo(
    () => (rows.length > 1 ? findCheapestScoredRow(shownCatalog, rows) : null),
    [shownCatalog, rows],
  );

  // Scroll a model that was just added or duplicated into view, once the table shows it.
  useEffect(() => {
    const id = pendingReveal.current;
    if (id === null || !findById(shownCatalog, id)) return;
    pendingReveal.current = null;
    tableRef.current?.revealModel(id);
  });

  function clearFilters() {
    filterControls.clear();
    tableRef.current?.scrollToTop();
  }

  // Stable, so that the table (memoised) is not drawn again when only the edited field changed.
  const handleSort = useCallback((key: SortKey) => {
    setSort((previous) => toggleSort(previous, key));
    tableRef.current?.scrollToTop();
  }, []);

  const openEditor = useCallback((id: string) => {
    setEditing((previous) => ({ id, session: (previous?.session ?? 0) + 1 }));
  }, []);

  function closeEditor() {
    const id = editing?.id;
    setEditing(null);
    if (id !== undefined) tableRef.current?.revealModel(id, { focusEdit: true });
  }

  /** Shows a model that was just created, clearing the filters if they would hide it. */
  function revealNewModel(model: Model) {
    if (!isModelShown(model, shownFilters)) clearFilters();
    pendingReveal.current = model.id;
    openEditor(model.id);
  }

  function handleAdd() {
    const model = createBlankModel(usePlannerStore.getState().scenario?.catalog ?? [], shownFilters.platform);
    const result = usePlannerStore.getState().edit((current) => addModel(current, model));
    const refusal = describeRefusal(result);
    if (refusal) {
      setStatus(`New model ${refusal}`);
      return;
    }
    setStatus(`Added ${model.id} at the end of the catalog: enter its prices below.`);
    revealNewModel(model);
  }

  function handleDuplicate(id: string) {
    const { scenario: current, edit } = usePlannerStore.getState();
    const index = current?.catalog.findIndex((model) => model.id === id) ?? -1;
    const original = current?.catalog[index];
    if (!original) return;
    const refusal = describeRefusal(edit((s) => duplicateModel(s, index)));
    if (refusal) {
      setStatus(`Duplicate of ${describeModel(original)} ${refusal}`);
      return;
    }
    const copy = usePlannerStore.getState().scenario?.catalog[index + 1];
    if (!copy) return;
    setStatus(`Duplicated ${describeModel(original)} as ${copy.id}; you are now editing the copy.`);
    revealNewModel(copy);
  }

  function handleDelete(id: string): string | null {
    const { scenario: current, edit } = usePlannerStore.getState();
    if (!current) return null;
    const index = current.catalog.findIndex((model) => model.id === id);
    const model = current.catalog[index];
    if (!model) return null;
    const users = findStrategiesUsingModel(current, id);
    if (users.length > 0) {
      const names = listWords(users.map((strategy) => `“${strategy.name || strategy.id}”`));
      return `${describeModel(model)} is not deleted: ${users.length === 1 ? 'strategy' : 'strategies'} ${names} ${
        users.length === 1 ? 'uses' : 'use'
      } it. Route ${users.length === 1 ? 'that strategy' : 'those strategies'} to another model first.`;
    }
    const result = edit((s) => removeModel(s, index));
    if (!result.ok)
      return `${describeModel(model)} is not deleted: ${result.issues.map(formatIssue).join('; ')}.`;
    setEditing(null);
    setStatus(`Deleted ${describeModel(model)}. Undo brings it back.`);
    addButtonRef.current?.focus();
    return null;
  }

  function handleReset(models: readonly Model[]) {
    const { scenario: current, edit } = usePlannerStore.getState();
    if (!current) return;
    const kept = findModelsKeptOnReplace(current, models);
    const result = edit((s) => replaceCatalog(s, models));
    const refusal = describeRefusal(result);
    if (refusal) {
      setResetRefusal(`The catalog ${refusal}`);
      return;
    }
    setConfirmingReset(false);
    setResetRefusal(null);
    setEditing(null);
    const keptText =
      kept.length === 0
        ? ''
        : ` Kept ${kept.length} model${kept.length === 1 ? '' : 's'} your strategies use that ${
            kept.length === 1 ? 'is' : 'are'
          } not shipped: ${listWords(kept.map(describeModel))}.`;
    setStatus(
      `Catalog reset to the ${models.length} shipped models.${keptText} Undo brings back the previous catalog.`,
    );
    resetButtonRef.current?.focus();
  }

  function closeImport(message: string) {
    setImporting(false);
    setStatus(message);
    importButtonRef.current?.focus();
  }

  function handleImported(message: string) {
    setEditing(null);
    closeImport(message);
  }

  const keptOnReset = shipped.data ? findModelsKeptOnReplace(scenario, shipped.data) : [];

  return (
    <div className="catalog">
      <div className="section-head">
        <div>
          <h2>Pricing catalog</h2>
          <p className="muted catalog__intro">
            The models this scenario can route to, with their prices. Every figure is editable; the summary
            follows each change.
          </p>
        </div>
        <div className="toolbar">
          <PriceUnitToggle unit={priceUnit} onChange={setPriceUnit} />
          <button type="button" className="button" ref={addButtonRef} onClick={handleAdd}>
            Add model
          </button>
          <button
            type="button"
            className="button"
            ref={importButtonRef}
            aria-expanded={importing}
            onClick={() => {
              setImporting((open) => !open);
              setConfirmingReset(false);
            }}
          >
            Import catalog…
          </button>
          <button
            type="button"
            className="button"
            ref={resetButtonRef}
            aria-expanded={confirmingReset}
            onClick={() => {
              setConfirmingReset((open) => !open);
              setResetRefusal(null);
              setImporting(false);
            }}
          >
            Reset to shipped catalog…
          </button>
        </div>
      </div>

      {confirmingReset && (
        <div
          className="notice notice--warn catalog__confirm"
          role="region"
          aria-label="Reset to shipped catalog"
        >
          <div>
            {shipped.isPending && <p>Loading the shipped catalog…</p>}
            {shipped.isError && (
              <p role="alert">The shipped catalog could not be loaded: {shipped.error.message}</p>
            )}
            {shipped.data && (
              <>
                <p>
                  Replace this scenario’s {formatNumber(shownCatalog.length)} models with the{' '}
                  {formatNumber(shipped.data.length)} shipped ones? Your price changes and added models are
                  dropped
                  {keptOnReset.length > 0
                    ? `, except the ${keptOnReset.length} your strategies use that the shipped catalog lacks (${listWords(
                        keptOnReset.map(describeModel),
                      )}): those are kept so no strategy breaks.`
                    : '.'}
                </p>
                <p className="muted">Undo brings back the current catalog.</p>
              </>
            )}
            {resetRefusal && (
              <p className="field__error" role="alert">
                {resetRefusal}
              </p>
            )}
          </div>
          <div className="toolbar">
            <button
              type="button"
              className="button button--primary"
              disabled={!shipped.data}
              onClick={() => shipped.data && handleReset(shipped.data)}
            >
              Reset catalog
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirmingReset(false);
                resetButtonRef.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}

      {importing && (
        <CatalogImport
          priceUnit={priceUnit}
          onApplied={handleImported}
          onCancel={() => closeImport('Catalog import cancelled: nothing was changed.')}
        />
      )}

      <p className="catalog__status" role="status">
        {status}
      </p>

      <CatalogFilterForm
        controls={filterControls}
        catalog={shownCatalog}
        priceUnit={priceUnit}
        onChange={() => tableRef.current?.scrollToTop()}
      >
        <p className="catalog__count" aria-live="polite" data-testid="catalog-count">
          {formatNumber(rows.length)} of {formatNumber(shownCatalog.length)} models
        </p>
      </CatalogFilterForm>

      <p className="catalog__legend">
        <span className="badge badge--warn catalog-seed-badge">seed 2026</span> representative 2026 figure,
        confirm before you budget.
        <span className="badge badge--neutral catalog-seed-badge">Capacity-billed</span> priced per unit-hour
        (provisioned throughput or self-hosted) and sized from peak traffic, not per token.
      </p>

      {staleCount > 0 && (
        <p className="notice notice--warn catalog__stale" data-testid="catalog-stale-count">
          {formatNumber(staleCount)} {staleCount === 1 ? 'price is' : 'prices are'} more than{' '}
          {STALE_AFTER_DAYS} days old (as of {today}): check them against the providers’ lists, or import a
          newer price file.
        </p>
      )}

      <CatalogTable
        ref={tableRef}
        today={today}
        cheapestIndex={cheapestIndex}
        catalog={shownCatalog}
        rows={rows}
        sort={sort}
        onSort={handleSort}
        priceUnit={priceUnit}
        editingId={editing?.id ?? null}
        onEdit={openEditor}
      />
      {rows.length === 0 && (
        <p className="catalog__empty">
          {shownCatalog.length === 0
            ? 'The catalog is empty: add a model or reset to the shipped catalog.'
            : 'No model matches these filters.'}
        </p>
      )}

      {editing && (
        <ModelEditor
          key={editing.session}
          modelId={editing.id}
          priceUnit={priceUnit}
          onIdChange={(id) => setEditing((previous) => (previous ? { ...previous, id } : previous))}
          onClose={closeEditor}
          onDuplicate={handleDuplicate}
          onDelete={handleDelete}
        />
      )}
    </div>
  );
}
