import { useMutation, useQuery } from '@tanstack/react-query';
import { startTransition, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import type { Model, Scenario } from '../../domain/scenario-schema';
import { compareStrategySpend, listChangedStrategies } from '../../domain/strategy-impact';
import {
  attachKnownQuality,
  diffCatalogs,
  listAddableModels,
  matchPriceUpdates,
} from '../../io/catalog-diff';
import type {
  CatalogDiff,
  ModelOtherChange,
  ModelPriceChange,
  PriceUpdateMatch,
} from '../../io/catalog-diff';
import type { CatalogFormat, CatalogImportResult } from '../../io/catalog-import';
import { reportIssues } from '../../io/file-import';
import type { CatalogRead, IssueReport } from '../../io/file-import';
import { shippedCatalogQueryOptions } from '../../queries/catalog-queries';
import { catalogFileReadOptions } from '../../queries/file-import-queries';
import { parseCatalogUrl, remoteCatalogQueryOptions } from '../../queries/remote-catalog-queries';
import {
  addModels,
  findModelsKeptOnReplace,
  replaceCatalog,
  updateModelPrices,
} from '../../state/scenario-edits';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import type { PriceUnit } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { formatMoney, formatNumber, formatPercent, todayIsoDay } from '../../format/format';
import type { MoneyDisplay } from '../../format/format';
import { useMoneyDisplay } from '../../ui/money';
import {
  MAX_ISSUES_SHOWN,
  MAX_LIST_ROWS,
  OTHER_FIELD_LABELS,
  PRICING_FIELD_LABELS,
  countModels,
  describeAppliedAdded,
  describeAppliedAll,
  describeAppliedPrices,
  describeModel,
  describePriceMove,
  formatModelValue,
  formatPricingValue,
  listNames,
} from './catalog-import-text';
import { ModelPicker } from './model-picker';
import './catalog-import.css';
import { CappedList } from '../../ui/capped-list';
import { makeFileName } from '../../ui/download';

type Source = { kind: 'file'; name: string; result: CatalogRead | null } | { kind: 'url'; url: string };

type Parsed = { origin: string; result: CatalogRead };

const FORMAT_NAMES: Record<CatalogFormat, string> = {
  native: 'native catalog JSON',
  csv: 'CSV',
  litellm: 'LiteLLM price file',
};

/** A model's name, with its id below when the two differ (ids are what the file and the strategies use). */
function ModelLabel({ model }: { model: Model }) {
  return (
    <>
      <span className="catalog-import__model-name">{describeModel(model)}</span>
      {model.name !== '' && model.name !== model.id && (
        <span className="catalog-import__model-id">{model.id}</span>
      )}
    </>
  );
}

function MoreRows({ hidden, what }: { hidden: number; what: string }) {
  if (hidden <= 0) return null;
  return (
    <p className="muted catalog-import__more">
      …and {formatNumber(hidden)} more {what} not listed here.
    </p>
  );
}

/** Takes whole models until their rows would pass `MAX_LIST_ROWS`. */
function takeGroups<T extends { changes: readonly unknown[] }>(
  groups: readonly T[],
): { shown: T[]; hiddenRows: number } {
  const shown: T[] = [];
  let rows = 0;
  let hiddenRows = 0;
  for (const group of groups) {
    if (rows + group.changes.length <= MAX_LIST_ROWS || shown.length === 0) {
      shown.push(group);
      rows += group.changes.length;
    } else hiddenRows += group.changes.length;
  }
  return { shown, hiddenRows };
}

function IssueList({ origin, report }: { origin: string; report: IssueReport }) {
  const count = report.issueCount;
  return (
    <div className="catalog-import__issues" role="alert">
      <p>
        “{origin}” was not imported: {formatNumber(count)} problem{count === 1 ? '' : 's'} found. Nothing was
        changed.
      </p>
      <CappedList
        items={report.issues}
        whole={{ count, text: report.issuesText }}
        limit={MAX_ISSUES_SHOWN}
        render={(issue) => (
          <>
            {issue.path ? <code>{issue.path}</code> : <span>The file</span>}: {issue.message}
          </>
        )}
        toLine={(issue) => `${issue.path || 'The file'}: ${issue.message}`}
        fileName={makeFileName(origin, '.problems.txt', 'catalog')}
      />
    </div>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className={`catalog-import__count${value === 0 ? ' catalog-import__count--zero' : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{formatNumber(value)}</dd>
    </div>
  );
}

/** A model's heading row inside its group of changes. */
function GroupHeading({ model, columns }: { model: Model; columns: number }) {
  return (
    <tr className="catalog-import__group">
      <th scope="rowgroup" colSpan={columns} className="catalog-import__model">
        <ModelLabel model={model} />
      </th>
    </tr>
  );
}

function PriceChangeTable({
  changes,
  priceUnit,
}: {
  changes: readonly ModelPriceChange[];
  priceUnit: PriceUnit;
}) {
  const { shown, hiddenRows } = takeGroups(changes);
  const unit = priceUnit === 'per-million' ? 'per 1M tokens' : 'per 1K tokens';
  return (
    <>
      <div
        className="table-scroll catalog-import__scroll catalog-import__scroll--changes"
        tabIndex={0}
        role="group"
        aria-label="Price changes"
      >
        <table className="data-table catalog-import__table" data-testid="import-price-changes">
          <caption className="visually-hidden">
            Price changes by model, token prices {unit}: current and imported value of every price that
            differs
          </caption>
          <colgroup>
            <col className="catalog-import__col-field" />
            <col className="catalog-import__col-value" />
            <col className="catalog-import__col-value catalog-import__col-imported" />
            <col className="catalog-import__col-move" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Price</th>
              <th scope="col" className="num">
                Current
              </th>
              <th scope="col" className="num">
                Imported
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          {shown.map(({ after, changes: fields }) => (
            <tbody key={after.id} data-testid="import-price-change">
              <GroupHeading model={after} columns={4} />
              {fields.map((change) => (
                <tr key={change.field}>
                  <td>{PRICING_FIELD_LABELS[change.field]}</td>
                  <td className="num">{formatPricingValue(change.field, change.before, priceUnit)}</td>
                  <td className="num">
                    <span aria-hidden="true" className="catalog-import__arrow">
                      →{' '}
                    </span>
                    {formatPricingValue(change.field, change.after, priceUnit)}
                  </td>
                  <td className="num">{describePriceMove(change)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <MoreRows hidden={hiddenRows} what="price rows" />
    </>
  );
}

function OtherChangeTable({ changes }: { changes: readonly ModelOtherChange[] }) {
  const { shown, hiddenRows } = takeGroups(changes);
  return (
    <>
      <div
        className="table-scroll catalog-import__scroll catalog-import__scroll--changes"
        tabIndex={0}
        role="group"
        aria-label="Other changes"
      >
        <table className="data-table catalog-import__table">
          <caption className="visually-hidden">
            Other changes by model: current and imported value of every field that differs
          </caption>
          <colgroup>
            <col className="catalog-import__col-field" />
            <col className="catalog-import__col-text" />
            <col className="catalog-import__col-text" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Current</th>
              <th scope="col">Imported</th>
            </tr>
          </thead>
          {shown.map(({ after, changes: fields }) => (
            <tbody key={after.id}>
              <GroupHeading model={after} columns={3} />
              {fields.map((change) => (
                <tr key={change.field}>
                  <td>{OTHER_FIELD_LABELS[change.field]}</td>
                  <td>{formatModelValue(change.field, change.before)}</td>
                  <td>{formatModelValue(change.field, change.after)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <MoreRows hidden={hiddenRows} what="field changes" />
    </>
  );
}

function describePrices(model: Model, priceUnit: PriceUnit): string {
  const { pricing } = model;
  if (pricing.kind === 'capacity')
    return formatPricingValue('hourlyPerUnit', pricing.hourlyPerUnit, priceUnit);
  const input = formatPricingValue('inputPerMTok', pricing.inputPerMTok, priceUnit);
  const output = formatPricingValue('outputPerMTok', pricing.outputPerMTok, priceUnit);
  return `${input} in, ${output} out`;
}

function ModelList({
  models,
  priceUnit,
  label,
  status,
}: {
  models: readonly Model[];
  priceUnit: PriceUnit;
  label: string;
  status?: (model: Model) => ReactNode;
}) {
  const shown = models.slice(0, MAX_LIST_ROWS);
  return (
    <>
      <div className="table-scroll catalog-import__scroll" tabIndex={0} role="group" aria-label={label}>
        <table className="data-table catalog-import__table catalog-import__table--models">
          <caption className="visually-hidden">{label}</caption>
          <colgroup>
            <col className="catalog-import__col-model" />
            <col className="catalog-import__col-field" />
            <col className="catalog-import__col-prices" />
            {status && <col className="catalog-import__col-status" />}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Platform</th>
              <th scope="col">Prices</th>
              {status && <th scope="col">On “Apply all”</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((model) => (
              <tr key={model.id}>
                <th scope="row" className="catalog-import__model">
                  <ModelLabel model={model} />
                </th>
                <td className="catalog-import__text">{model.platform}</td>
                <td>{describePrices(model, priceUnit)}</td>
                {status && <td>{status(model)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreRows hidden={models.length - shown.length} what="models" />
    </>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <details className="catalog-import__section">
      <summary>
        {title} ({formatNumber(count)})
      </summary>
      {children}
    </details>
  );
}

export type ImportMode = 'prices' | 'add' | 'replace';

function formatSignedMoney(usd: number, display: MoneyDisplay): string {
  if (Math.abs(usd) < 0.005) return formatMoney(0, display);
  return `${usd > 0 ? '+' : '−'}${formatMoney(Math.abs(usd), display)}`;
}

/**
 * Each strategy's 12-month spend before and after the change the chosen mode would make. Computed here, in its
 * own component, from a deferred `planned`: simulating a 27,000-model catalog twice is work of its own, done in a
 * render that yields to the page before and after it.
 */
function StrategyImpact({
  scenario,
  planned,
  dropped,
}: {
  scenario: Scenario;
  planned: Scenario | null;
  dropped: readonly Model[];
}) {
  const display = useMoneyDisplay();
  const impact = useMemo(() => (planned ? compareStrategySpend(scenario, planned) : []), [scenario, planned]);
  const changed = listChangedStrategies(impact);
  return (
    <section className="catalog-import__impact" aria-label="What changes for your strategies">
      <h4 className="catalog-import__subhead">What changes for your strategies</h4>
      {changed.length === 0 ? (
        <p className="muted" data-testid="import-impact-none">
          No strategy’s 12-month spend changes.
        </p>
      ) : (
        <div
          className="table-scroll catalog-import__scroll"
          tabIndex={0}
          role="group"
          aria-label="Strategy spend"
        >
          <table className="data-table catalog-import__table" data-testid="import-impact">
            <caption className="visually-hidden">12-month spend of each strategy before and after</caption>
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                <th scope="col" className="num">
                  12-month spend now
                </th>
                <th scope="col" className="num">
                  After
                </th>
                <th scope="col" className="num">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {changed.map((row) => (
                <tr key={row.id} data-testid="import-impact-row">
                  <th scope="row">{row.name || row.id}</th>
                  <td className="num">{formatMoney(row.firstYearBefore, display)}</td>
                  <td className="num">{formatMoney(row.firstYearAfter, display)}</td>
                  <td
                    className={`num ${row.changeUsd > 0 ? 'catalog-import__impact-up' : 'catalog-import__impact-down'}`}
                  >
                    {formatSignedMoney(row.changeUsd, display)}
                    {row.firstYearBefore > 0 &&
                      ` (${row.changeUsd > 0 ? '+' : '−'}${formatPercent(Math.abs(row.changeUsd) / row.firstYearBefore)})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {changed.length > 0 && changed.length < impact.length && (
        <p className="muted">
          {listNames(impact.filter((row) => !changed.includes(row)).map((row) => `“${row.name || row.id}”`))}{' '}
          unchanged.
        </p>
      )}
      {dropped.length > 0 && (
        <p data-testid="import-dropped">
          Dropped from the catalog: {countModels(dropped.length)} ({listNames(dropped.map(describeModel))});
          no strategy uses {dropped.length === 1 ? 'it' : 'them'}.
        </p>
      )}
    </section>
  );
}

const MODE_LABELS: Record<ImportMode, string> = {
  prices: 'Update prices',
  add: 'Add models',
  replace: 'Replace the catalog',
};

type ReviewProps = {
  mode: ImportMode;
  onModeChange: (mode: ImportMode) => void;
  diff: CatalogDiff;
  priceMatch: PriceUpdateMatch;
  addable: readonly Model[];
  picked: ReadonlySet<string>;
  onPick: (picked: ReadonlySet<string>) => void;
  result: Extract<CatalogImportResult, { ok: true }>;
  kept: readonly Model[];
  scenario: Scenario;
  planned: Scenario | null;
  dropped: readonly Model[];
  priceUnit: PriceUnit;
  refusal: string | null;
  onApply: () => void;
  onCancel: () => void;
};

function ImportReview({
  mode,
  onModeChange,
  diff,
  priceMatch,
  addable,
  picked,
  onPick,
  result,
  kept,
  scenario,
  planned,
  dropped,
  priceUnit,
  refusal,
  onApply,
  onCancel,
}: ReviewProps) {
  const id = useId();
  const keptIds = useMemo(() => new Set(kept.map((model) => model.id)), [kept]);
  const priceCount = priceMatch.changes.length;
  const hints: Record<ImportMode, string> = {
    prices: `${formatNumber(priceMatch.matched)} of your models found in the file by price key; ${formatNumber(priceCount)} with new prices`,
    add: `${formatNumber(addable.length)} models of the file you do not have; pick the ones to add`,
    replace: `The catalog becomes the file’s ${countModels(result.models.length)}; models your strategies use are kept`,
  };
  const applyLabel =
    mode === 'prices'
      ? 'Apply price updates'
      : mode === 'add'
        ? `Add ${countModels(picked.size)}`
        : 'Replace the catalog';
  const canApply = mode === 'prices' ? priceCount > 0 : mode === 'add' ? picked.size > 0 : true;
  const unpricedOthers = result.skipped - result.unpriced - result.beyondLimits - result.writtenTwice;

  return (
    <div className="catalog-import__diff">
      {result.format === 'litellm' && (
        <p className="catalog-import__unpriced" data-testid="import-unpriced">
          {formatNumber(result.unpriced)} entr{result.unpriced === 1 ? 'y' : 'ies'} had no price (0 in and
          out) and
          {result.unpriced === 1 ? ' was' : ' were'} not imported;{' '}
          {result.beyondLimits > 0 &&
            `${formatNumber(result.beyondLimits)} entr${result.beyondLimits === 1 ? 'y' : 'ies'} had a price or size past the planner's limits and ${result.beyondLimits === 1 ? 'was' : 'were'} skipped; `}
          {result.writtenTwice > 0 &&
            `${formatNumber(result.writtenTwice)} entr${result.writtenTwice === 1 ? 'y was' : 'ies were'} written twice in the file (or had a field written twice) and skipped; `}
          {formatNumber(unpricedOthers)} other entr
          {unpricedOthers === 1 ? 'y' : 'ies'} (embeddings, images, audio…) skipped.
        </p>
      )}
      <fieldset className="catalog-import__modes">
        <legend>What to do with the file</legend>
        {(['prices', 'add', 'replace'] as const).map((option) => (
          <label key={option} className="catalog-import__mode">
            <input
              type="radio"
              name={`${id}-mode`}
              value={option}
              checked={mode === option}
              aria-describedby={`${id}-${option}-hint`}
              onChange={() => onModeChange(option)}
            />
            <span className="catalog-import__mode-text">
              <span>{MODE_LABELS[option]}</span>
              <span id={`${id}-${option}-hint`} className="catalog-import__mode-hint">
                {hints[option]}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      {mode === 'prices' && (
        <>
          <dl className="catalog-import__counts">
            <Count label="Found in the file" value={priceMatch.matched} testId="import-count-matched" />
            <Count label="Price changes" value={priceCount} testId="import-count-price-changes" />
            <Count
              label="Not in the file"
              value={priceMatch.unmatched.length}
              testId="import-count-unmatched"
            />
          </dl>
          <h4 className="catalog-import__subhead">Price changes</h4>
          {priceCount === 0 ? (
            <p className="muted catalog-import__none">
              {priceMatch.matched === 0
                ? 'None of your models is in the file: no row records a price key the file has, and no id matches.'
                : 'No price in the file differs from this catalog.'}
            </p>
          ) : (
            <PriceChangeTable changes={priceMatch.changes} priceUnit={priceUnit} />
          )}
        </>
      )}

      {mode === 'add' && (
        <ModelPicker models={addable} selected={picked} onChange={onPick} priceUnit={priceUnit} />
      )}

      {mode === 'replace' && (
        <>
          <dl className="catalog-import__counts">
            <Count label="Added" value={diff.added.length} testId="import-count-added" />
            <Count
              label="Price changes"
              value={diff.priceChanges.length}
              testId="import-count-price-changes"
            />
            <Count
              label="Other changes"
              value={diff.otherChanges.length}
              testId="import-count-other-changes"
            />
            <Count label="Missing from file" value={diff.missing.length} testId="import-count-missing" />
            <Count label="Unchanged" value={diff.unchanged.length} testId="import-count-unchanged" />
            <Count label="Skipped entries" value={result.skipped} testId="import-count-skipped" />
          </dl>
          <Section title="Price changes" count={diff.priceChanges.length}>
            <PriceChangeTable changes={diff.priceChanges} priceUnit={priceUnit} />
          </Section>
          <Section title="Added models" count={diff.added.length}>
            <ModelList models={diff.added} priceUnit={priceUnit} label="Added models" />
          </Section>
          <Section title="Other changes" count={diff.otherChanges.length}>
            <OtherChangeTable changes={diff.otherChanges} />
          </Section>
          <Section title="Missing from the file" count={diff.missing.length}>
            <ModelList
              models={diff.missing}
              priceUnit={priceUnit}
              label="Models missing from the file"
              status={(model) =>
                keptIds.has(model.id) ? (
                  <span className="badge badge--good catalog-import__badge">kept: a strategy uses it</span>
                ) : (
                  <span className="badge badge--neutral catalog-import__badge">removed</span>
                )
              }
            />
          </Section>
          <Section title="Skipped entries" count={result.skipped}>
            <p className="muted catalog-import__note">
              Entries of the file that are not priced chat or completion models (embeddings, images, the
              sample_spec template…).
            </p>
            <ul className="catalog-import__skipped">
              {result.skippedKeys.slice(0, MAX_LIST_ROWS).map((key, index) => (
                <li key={index}>
                  <code>{key}</code>
                </li>
              ))}
            </ul>
            <MoreRows hidden={result.skippedKeys.length - MAX_LIST_ROWS} what="entries" />
          </Section>
          {kept.length > 0 && (
            <p className="muted">
              Keeps {listNames(kept.map(describeModel))}, which your strategies use and the file lacks.
            </p>
          )}
        </>
      )}

      <StrategyImpact scenario={scenario} planned={planned} dropped={dropped} />

      {refusal && (
        <p className="field__error catalog-import__refusal" role="alert">
          {refusal}
        </p>
      )}

      <div className="catalog-import__footer">
        <span className="muted catalog-import__footer-note">
          Nothing changes until you apply; Undo takes it back.
        </span>
        <button type="button" className="button button--primary" disabled={!canApply} onClick={onApply}>
          {applyLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export type CatalogImportProps = {
  priceUnit: PriceUnit;
  /** Called after an import was applied, with the sentence that says what changed. */
  onApplied: (message: string) => void;
  onCancel: () => void;
};

/**
 * Importing a pricing catalog from a file or a web address: the file is read and checked, compared with the
 * scenario's catalog by id, and nothing changes until the user applies everything or only the new prices (one
 * undo step either way). A file with problems lists them all and changes nothing.
 */
export function CatalogImport({ priceUnit, onApplied, onCancel }: CatalogImportProps) {
  const scenario = useScenario();
  const [importedAt] = useState(() => todayIsoDay());
  const [source, setSource] = useState<Source | null>(null);
  const [urlText, setUrlText] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [chosenMode, setChosenMode] = useState<ImportMode | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const readCount = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const requestedUrl = source?.kind === 'url' ? source.url : null;
  // Fetched, then read in the file-import worker; leaving the import cancels both.
  const remote = useQuery({
    ...remoteCatalogQueryOptions(requestedUrl ?? '', importedAt),
    enabled: requestedUrl !== null,
  });
  const fileRead = useMutation(catalogFileReadOptions());
  const fileReadRef = useRef<AbortController | null>(null);
  useEffect(() => () => fileReadRef.current?.abort(), []);

  // The review of a large catalog takes several components' work: drawn in a deferred render, which yields to
  // the page between them, like a file's (below).
  const deferredRemote = useDeferredValue(remote.data);
  const remoteData = requestedUrl !== null ? deferredRemote : undefined;
  let parsed: Parsed | null = null;
  if (source?.kind === 'file' && source.result) parsed = { origin: source.name, result: source.result };
  else if (source?.kind === 'url' && remoteData)
    parsed = { origin: remoteData.url, result: remoteData.result };

  const origin = parsed?.origin ?? '';
  const okResult = parsed?.result.ok ? parsed.result : null;
  // Scores the shipped catalog knows for a price-list key come with the imported row.
  const shipped = useQuery(shippedCatalogQueryOptions());
  const models = useMemo(
    () =>
      okResult ? attachKnownQuality(okResult.models, [...scenario.catalog, ...(shipped.data ?? [])]) : null,
    [okResult, scenario.catalog, shipped.data],
  );
  // The models exactly as the worker validated them: committed without being parsed again.
  const validatedEntries = useMemo(() => new Set<unknown>(okResult?.models ?? []), [okResult]);
  const diff = useMemo(
    () => (models ? diffCatalogs(scenario.catalog, models) : null),
    [scenario.catalog, models],
  );
  const kept = useMemo(() => (models ? findModelsKeptOnReplace(scenario, models) : []), [scenario, models]);
  const priceMatch = useMemo(
    () => (models ? matchPriceUpdates(scenario.catalog, models) : null),
    [scenario.catalog, models],
  );
  const addable = useMemo(
    () => (models ? listAddableModels(scenario.catalog, models) : []),
    [scenario.catalog, models],
  );
  // Until the user picks, a file that prices models we have opens on "update prices", any other on "add".
  const mode: ImportMode = chosenMode ?? (priceMatch && priceMatch.matched > 0 ? 'prices' : 'add');
  const pickedModels = useMemo(() => addable.filter((model) => picked.has(model.id)), [addable, picked]);
  const planned = useMemo(() => {
    if (!models || !priceMatch) return null;
    if (mode === 'prices')
      return updateModelPrices(
        scenario,
        priceMatch.changes.map((change) => change.after),
      );
    if (mode === 'add') return addModels(scenario, pickedModels);
    return replaceCatalog(scenario, models);
  }, [mode, models, priceMatch, pickedModels, scenario]);
  const deferredPlanned = useDeferredValue(planned);
  const dropped = useMemo(() => {
    if (mode !== 'replace' || !diff) return [];
    const keptIds = new Set(kept.map((model) => model.id));
    return diff.missing.filter((model) => !keptIds.has(model.id));
  }, [mode, diff, kept]);

  async function handleFile(file: File | undefined) {
    if (!file) return;
    const read = ++readCount.current;
    fileReadRef.current?.abort();
    const controller = new AbortController();
    fileReadRef.current = controller;
    setSource({ kind: 'file', name: file.name, result: null });
    setRefusal(null);
    setChosenMode(null);
    setPicked(new Set());
    let result: CatalogRead;
    try {
      const options = { fileName: file.name, importedAt, origin: file.name };
      result = await fileRead.mutateAsync({ file, options, signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return;
      const reason = error instanceof Error ? error.message : String(error);
      result = reportIssues([{ path: '', message: `the file could not be read (${reason})` }]);
    }
    if (read !== readCount.current) return; // a newer file or address took over
    startTransition(() => setSource({ kind: 'file', name: file.name, result }));
    // The same file may be picked again after it is fixed.
    if (fileInputRef.current) fileInputRef.current.value = '';
  }

  function handleFetch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let url: URL;
    try {
      url = parseCatalogUrl(urlText);
    } catch (error) {
      setUrlError(error instanceof Error ? error.message : String(error));
      return;
    }
    readCount.current++;
    fileReadRef.current?.abort();
    setUrlError(null);
    setRefusal(null);
    setChosenMode(null);
    setPicked(new Set());
    if (requestedUrl === url.href) void remote.refetch();
    else setSource({ kind: 'url', url: url.href });
  }

  function applyAll() {
    const { scenario: current, edit } = usePlannerStore.getState();
    if (!current || !models || !diff) return;
    const keptNow = findModelsKeptOnReplace(current, models);
    const refused = describeRefusal(edit((s) => replaceCatalog(s, models), { validatedEntries }));
    if (refused) {
      setRefusal(`The import ${refused}`);
      return;
    }
    onApplied(
      describeAppliedAll({
        origin,
        importedCount: models.length,
        added: diff.added.length,
        priceChanges: diff.priceChanges.length,
        otherChanges: diff.otherChanges.length,
        removed: diff.missing.length - keptNow.length,
        kept: keptNow,
      }),
    );
  }

  function applyPrices() {
    const { scenario: current, edit } = usePlannerStore.getState();
    if (!current || !models) return;
    const updates = matchPriceUpdates(current.catalog, models).changes.map((change) => change.after);
    const refused = describeRefusal(edit((s) => updateModelPrices(s, updates), { validatedEntries }));
    if (refused) {
      setRefusal(`The price updates ${refused}`);
      return;
    }
    onApplied(describeAppliedPrices(origin, updates));
  }

  function applyAdded() {
    const { scenario: current, edit } = usePlannerStore.getState();
    if (!current || !models) return;
    const chosen = listAddableModels(current.catalog, models).filter((model) => picked.has(model.id));
    const refused = describeRefusal(edit((s) => addModels(s, chosen), { validatedEntries }));
    if (refused) {
      setRefusal(`The new models ${refused}`);
      return;
    }
    onApplied(describeAppliedAdded(origin, chosen));
  }

  function apply() {
    if (mode === 'prices') applyPrices();
    else if (mode === 'add') applyAdded();
    else applyAll();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  }

  let statusText = '';
  if (source?.kind === 'file' && !source.result) statusText = `Reading ${source.name}…`;
  else if (source?.kind === 'url' && remote.isFetching) statusText = `Fetching and checking ${source.url}…`;
  else if (parsed && okResult && diff) {
    const skipped =
      okResult.skipped > 0
        ? `; ${formatNumber(okResult.skipped)} entr${okResult.skipped === 1 ? 'y' : 'ies'} skipped`
        : '';
    statusText =
      `Read ${countModels(okResult.imported)} from ${origin} (${FORMAT_NAMES[okResult.format]})${skipped}. ` +
      'Nothing changes until you apply.';
  }

  return (
    <section
      className="card catalog-import"
      aria-labelledby={`${id}-title`}
      onKeyDown={handleKeyDown}
      data-testid="catalog-import"
    >
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="catalog-import__title">
        Import a catalog
      </h3>
      <p className="muted catalog-import__intro">
        Our catalog JSON, a CSV with a header row, or LiteLLM’s{' '}
        <code>model_prices_and_context_window.json</code>, up to 20 MB. Then update the prices of the models
        you have, add the ones you pick, or replace the catalog: you see what each strategy’s spend would
        become before anything changes.
      </p>

      <div className="catalog-import__sources">
        <div className="field catalog-import__source">
          <label htmlFor={`${id}-file`} className="field__label">
            Catalog file to import
          </label>
          <input
            ref={fileInputRef}
            id={`${id}-file`}
            type="file"
            accept=".json,.csv,.txt,application/json,text/csv"
            onChange={(event) => void handleFile(event.target.files?.[0])}
          />
        </div>
        <p className="catalog-import__or" aria-hidden="true">
          or
        </p>
        <form
          className="catalog-import__source"
          onSubmit={handleFetch}
          noValidate
          aria-label="Fetch a catalog"
        >
          <div className={`field${urlError ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-url`} className="field__label">
              Catalog web address
            </label>
            <div className="catalog-import__url-row">
              <input
                id={`${id}-url`}
                type="url"
                inputMode="url"
                autoComplete="url"
                spellCheck={false}
                placeholder="https://raw.githubusercontent.com/…/model_prices_and_context_window.json"
                value={urlText}
                aria-invalid={urlError ? true : undefined}
                aria-describedby={`${id}-url-hint`}
                onChange={(event) => setUrlText(event.target.value)}
              />
              <button type="submit" className="button">
                Fetch
              </button>
            </div>
            <p id={`${id}-url-hint`} className={urlError ? 'field__error' : 'field__hint'}>
              {urlError ?? 'The server must let other sites read the file (raw.githubusercontent.com does).'}
            </p>
          </div>
        </form>
      </div>

      <p className="catalog-import__status" role="status">
        {statusText}
      </p>

      {source?.kind === 'url' && remote.isError && !remote.isFetching && (
        <div className="catalog-import__issues" role="alert">
          <p>The catalog could not be fetched. Nothing was changed.</p>
          <p className="catalog-import__reason">{remote.error.message}.</p>
        </div>
      )}
      {parsed && !parsed.result.ok && <IssueList origin={parsed.origin} report={parsed.result} />}
      {okResult && diff && priceMatch && (
        <ImportReview
          mode={mode}
          onModeChange={(next) => {
            setChosenMode(next);
            setRefusal(null);
          }}
          diff={diff}
          priceMatch={priceMatch}
          addable={addable}
          picked={picked}
          onPick={setPicked}
          result={okResult}
          kept={kept}
          scenario={scenario}
          planned={deferredPlanned}
          dropped={dropped}
          priceUnit={priceUnit}
          refusal={refusal}
          onApply={apply}
          onCancel={onCancel}
        />
      )}

      {!(okResult && diff && priceMatch) && (
        <div className="catalog-import__footer">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
