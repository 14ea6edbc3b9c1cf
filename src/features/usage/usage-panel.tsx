import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { isPerTokenModel } from '../../domain/call-cost';
import type { Model } from '../../domain/scenario-schema';
import { deriveUsagePlan } from '../../domain/usage-plan';
import type { UsagePlan } from '../../domain/usage-plan';
import { backtestUsage, reconcileUsage } from '../../domain/usage-reconcile';
import type { BacktestMonth, ReconcileMonth } from '../../domain/usage-reconcile';
import type { UsageGroupBy } from '../../domain/usage-records';
import { formatIssue } from '../../domain/validate-scenario';
import { USD_DISPLAY, formatMoneyExact, formatNumber, formatPercent } from '../../format/format';
import { describeGapLine, formatSignedMoney, GROUP_BY_NAMES } from '../../format/usage-text';
import { USAGE_FORMAT_NAMES } from '../../io/usage-import';
import { shippedCatalogQueryOptions } from '../../queries/catalog-queries';
import { usageFileReadOptions } from '../../queries/usage-import-queries';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { useUsageImportState } from './usage-import-state';
import type { ReadFile } from './usage-import-state';
import { TableScroll } from '../../ui/table-scroll';
import './usage.css';

/** Problems listed per file before "and N more". */
const LISTED_PROBLEMS = 20;

/** A column header over figures, right-aligned like them. */
function NumberHeader({ children }: { children: string }) {
  return (
    <th scope="col" className="num">
      {children}
    </th>
  );
}

function FileSummary({ file, onRemove }: { file: ReadFile; onRemove: () => void }) {
  const { result } = file;
  const skipped = Object.entries(result.skipped);
  return (
    <li className="usage__file">
      <div className="usage__file-head">
        <strong>{file.name}</strong>
        <span className="muted">{USAGE_FORMAT_NAMES[result.format]}</span>
        <button type="button" className="button button--quiet" onClick={onRemove}>
          Remove {file.name}
        </button>
      </div>
      <p className="muted">
        {formatNumber(result.rowsRead)} rows read
        {skipped.length > 0 &&
          `; skipped ${skipped.map(([reason, count]) => `${formatNumber(count)} ${reason}`).join(', ')}`}
        {result.problemCount > 0 && `; ${formatNumber(result.problemCount)} could not be read`}
      </p>
      {result.problems.length > 0 && (
        <ul className="usage__problems" aria-label={`Rows of ${file.name} that could not be read`}>
          {result.problems.slice(0, LISTED_PROBLEMS).map((problem, index) => (
            <li key={index}>
              Line {problem.line}: {problem.message}
            </li>
          ))}
          {result.problemCount > LISTED_PROBLEMS && (
            <li>and {formatNumber(result.problemCount - LISTED_PROBLEMS)} more</li>
          )}
        </ul>
      )}
    </li>
  );
}

function SlicesTable({ plan }: { plan: UsagePlan }) {
  return (
    <TableScroll label="Derived traffic slices">
      <table className="data-table usage__table" data-testid="usage-slices">
        <caption className="visually-hidden">Derived traffic slices</caption>
        <thead>
          <tr>
            <th scope="col">Slice</th>
            <th scope="col">Catalog row</th>
            <NumberHeader>Requests / month</NumberHeader>
            <NumberHeader>Growth / month</NumberHeader>
            <NumberHeader>Input</NumberHeader>
            <NumberHeader>Output</NumberHeader>
            <NumberHeader>Cached prefix</NumberHeader>
            <NumberHeader>Hit rate</NumberHeader>
            <th scope="col">TTL</th>
            <NumberHeader>Batch</NumberHeader>
            <th scope="col">Region in file</th>
          </tr>
        </thead>
        <tbody>
          {plan.slices.map(({ slice, model, regions }) => (
            <tr key={slice.id}>
              <th scope="row">{slice.name}</th>
              <td>{model.id}</td>
              <td className="num">{formatNumber(Math.round(slice.requestsPerMonth))}</td>
              <td className="num">{formatPercent(slice.monthlyGrowth)}</td>
              <td className="num">{formatNumber(Math.round(slice.inputTokens))}</td>
              <td className="num">{formatNumber(Math.round(slice.outputTokens))}</td>
              <td className="num">{formatNumber(Math.round(slice.cachedPrefixTokens))}</td>
              <td className="num">{formatPercent(slice.cacheHitRate)}</td>
              <td>{slice.cacheTtl}</td>
              <td className="num">{formatPercent(slice.batchShare)}</td>
              <td>{regions.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ReconcileSection({ months }: { months: ReconcileMonth[] }) {
  return (
    <section aria-labelledby="usage-reconcile-title" className="usage__section">
      <h3 id="usage-reconcile-title">Reconcile with the bill</h3>
      <p className="muted">
        Each month&apos;s usage priced by the plan&apos;s Today strategy, against the file&apos;s own cost;
        the gap is explained line by line.
      </p>
      {months.map((month) => (
        <div key={month.month} className="usage__month">
          <h4>
            {month.month}: billed{' '}
            {month.billed === null ? 'no cost in the file' : formatMoneyExact(month.billed, USD_DISPLAY)},
            plan {formatMoneyExact(month.plan, USD_DISPLAY)}
            {month.gap !== null && `, gap ${formatSignedMoney(month.gap)}`}
          </h4>
          <TableScroll label={`Reconciliation of ${month.month}`}>
            <table className="data-table usage__table" data-testid={`usage-reconcile-${month.month}`}>
              <caption className="visually-hidden">Reconciliation of {month.month}</caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <NumberHeader>Billed</NumberHeader>
                  <NumberHeader>Plan</NumberHeader>
                  <NumberHeader>Gap</NumberHeader>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {month.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.name}</th>
                    <td className="num">
                      {row.billed === null ? '—' : formatMoneyExact(row.billed, USD_DISPLAY)}
                    </td>
                    <td className="num">{formatMoneyExact(row.plan, USD_DISPLAY)}</td>
                    <td className="num">{row.gap === null ? '—' : formatSignedMoney(row.gap)}</td>
                    <td className="usage__why">
                      {row.lines.length === 0 ? (
                        row.billed === null ? (
                          'no cost to compare'
                        ) : (
                          'matches'
                        )
                      ) : (
                        <ul>
                          {row.lines.map((line) => (
                            <li key={line.kind}>{describeGapLine(line)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ))}
    </section>
  );
}

function BacktestSection({ months }: { months: BacktestMonth[] }) {
  const strategies = months[0]?.spend ?? [];
  return (
    <section aria-labelledby="usage-backtest-title" className="usage__section">
      <h3 id="usage-backtest-title">Back-test: each month under every strategy</h3>
      <TableScroll label="Back-test">
        <table className="data-table usage__table" data-testid="usage-backtest">
          <caption className="visually-hidden">Each imported month under every strategy</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <NumberHeader>Billed</NumberHeader>
              {strategies.map((strategy) => (
                <th key={strategy.strategyId} scope="col" className="num">
                  {strategy.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{month.month}</th>
                <td className="num">
                  {month.billed === null ? '—' : formatMoneyExact(month.billed, USD_DISPLAY)}
                </td>
                {month.spend.map((entry) => (
                  <td key={entry.strategyId} className="num">
                    {formatMoneyExact(entry.spend, USD_DISPLAY)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/**
 * Import usage: read bills and logs (in the usage worker), preview the slices, the mapping to the catalog, the
 * reconciliation with the bill and the back-test of every strategy; the scenario changes only when the preview
 * is accepted, as one undoable edit.
 */
export function UsagePanel() {
  const fileInputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const scenario = useScenario();
  const commit = usePlannerStore((state) => state.commit);
  const shipped = useQuery(shippedCatalogQueryOptions());
  const read = useMutation(usageFileReadOptions());
  const files = useUsageImportState((state) => state.files);
  const groupBy = useUsageImportState((state) => state.groupBy);
  const tokensPerRequest = useUsageImportState((state) => state.tokensPerRequest);
  const mapping = useUsageImportState((state) => state.mapping);
  const { addFile, removeFile, setGroupBy, setTokensPerRequest, mapModel, clear } =
    useUsageImportState.getState();
  const [errors, setErrors] = useState<string[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const abortRef = useRef<AbortController | null>(null);

  const catalog = useMemo<Model[]>(() => {
    const ids = new Set(scenario.catalog.map((model) => model.id));
    return [...scenario.catalog, ...(shipped.data ?? []).filter((model) => !ids.has(model.id))];
  }, [scenario.catalog, shipped.data]);
  const perTokenCatalog = useMemo(() => catalog.filter(isPerTokenModel), [catalog]);
  const perRequest = Number(tokensPerRequest);
  const perRequestValid = Number.isFinite(perRequest) && perRequest > 0;

  const preview = useMemo(() => {
    if (files.length === 0 || !perRequestValid) return null;
    const plan = deriveUsagePlan(
      files.flatMap((file) => file.result.records),
      scenario,
      catalog,
      { groupBy, inputTokensPerRequest: perRequest, mapping },
    );
    return { plan, reconcile: reconcileUsage(plan), backtest: backtestUsage(plan) };
  }, [files, scenario, catalog, groupBy, perRequest, perRequestValid, mapping]);

  async function readFiles(list: readonly File[]) {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setApplied(null);
    const problems: string[] = [];
    for (const file of list) {
      setProgress(0);
      try {
        const result = await read.mutateAsync({
          file,
          signal: controller.signal,
          onProgress: (bytes) => setProgress(bytes / Math.max(1, file.size)),
        });
        if (result.ok) addFile({ name: file.name, result: result.value });
        else problems.push(`${file.name}: ${result.message}`);
      } catch (error) {
        if (controller.signal.aborted) return;
        problems.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    setProgress(null);
    setErrors(problems);
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void readFiles([...event.dataTransfer.files]);
  }

  function accept() {
    if (!preview?.plan.scenario) return;
    const result = commit(preview.plan.scenario);
    if (!result.ok) {
      setErrors(result.issues.map(formatIssue));
      return;
    }
    setApplied(
      `The scenario now has ${preview.plan.slices.length} slices from the usage and a Today strategy. Undo (Ctrl+Z) puts the previous traffic back.`,
    );
    clear();
  }

  const plan = preview?.plan;
  return (
    <div className="usage">
      <div className="section-head">
        <div>
          <h2>Import usage</h2>
          <p className="muted usage__intro">
            Start from what you actually spend: an AWS Cost and Usage Report, Bedrock invocation logs,
            Anthropic&apos;s or OpenAI&apos;s usage and cost reports, or LiteLLM spend logs. Files are read on
            your machine; add a usage report and its cost report together to reconcile them. Nothing changes
            until you use the plan. Money on this screen is in US dollars, as the bills are.
          </p>
        </div>
      </div>

      <div
        className={`usage__drop${dragging ? ' usage__drop--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={handleDrop}
        data-testid="usage-drop"
      >
        {/* A button of the app's own, as the Scenarios screen's, for the browser's bare file control. */}
        <input
          ref={fileInputRef}
          id={`${id}-file`}
          type="file"
          multiple
          accept=".csv,.json,.jsonl,.gz,.txt,text/csv,application/json,application/gzip"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Usage files"
          onChange={(event) => {
            const list = [...(event.target.files ?? [])];
            event.target.value = '';
            void readFiles(list);
          }}
        />
        <button
          type="button"
          className="button button--primary"
          onClick={() => fileInputRef.current?.click()}
        >
          Choose usage files…
        </button>
        <p className="muted">or drop them here (CSV, JSON, JSON Lines, gzip)</p>
        {progress !== null && (
          <p role="status">
            Reading… {formatPercent(Math.min(1, progress))}{' '}
            <button type="button" className="button button--quiet" onClick={() => abortRef.current?.abort()}>
              Stop reading
            </button>
          </p>
        )}
      </div>

      {errors.length > 0 && (
        <div role="alert" className="usage__errors">
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      )}
      {applied && <p role="status">{applied}</p>}

      {files.length > 0 && (
        <ul className="usage__files" aria-label="Files read">
          {files.map((file, index) => (
            <FileSummary key={`${file.name}-${index}`} file={file} onRemove={() => removeFile(index)} />
          ))}
        </ul>
      )}

      {files.length > 0 && (
        <div className="usage__options">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-group`}>
              Group slices by
            </label>
            <select
              id={`${id}-group`}
              value={groupBy}
              onChange={(event) => setGroupBy(event.target.value as UsageGroupBy)}
            >
              {(Object.keys(GROUP_BY_NAMES) as UsageGroupBy[]).map((key) => (
                <option key={key} value={key}>
                  {key === 'model' ? 'model' : `${GROUP_BY_NAMES[key]} and model`}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${perRequestValid ? '' : ' field--invalid'}`}>
            <label className="field__label" htmlFor={`${id}-per-request`}>
              Input tokens per request (where a file counts no requests)
            </label>
            <input
              id={`${id}-per-request`}
              inputMode="decimal"
              value={tokensPerRequest}
              aria-invalid={!perRequestValid}
              aria-describedby={perRequestValid ? undefined : `${id}-per-request-error`}
              onChange={(event) => setTokensPerRequest(event.target.value)}
            />
            {!perRequestValid && (
              <p id={`${id}-per-request-error`} className="field__error">
                must be a number greater than 0
              </p>
            )}
          </div>
        </div>
      )}

      {plan && plan.unmapped.length > 0 && (
        <section aria-labelledby="usage-unmapped-title" className="usage__section">
          <h3 id="usage-unmapped-title">Models the catalog does not know</h3>
          <p className="muted">
            Map each to a catalog row, or leave it out of the plan (its cost stays unpriced).
          </p>
          <ul className="usage__unmapped">
            {plan.unmapped.map((entry) => (
              <li key={entry.model}>
                <label htmlFor={`${id}-map-${entry.model}`}>
                  {entry.model} ({formatNumber(entry.tokens, true)} tokens,{' '}
                  {formatMoneyExact(entry.cost, USD_DISPLAY)})
                </label>
                <select
                  id={`${id}-map-${entry.model}`}
                  value={mapping.get(entry.model) ?? ''}
                  onChange={(event) => mapModel(entry.model, event.target.value || null)}
                >
                  <option value="">Leave out</option>
                  {perTokenCatalog.map((model) => (
                    <option key={model.id} value={model.id}>
                      {model.name} ({model.id})
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </section>
      )}

      {plan && plan.issues.length > 0 && (
        <div role="alert" className="usage__errors">
          {plan.issues.map((issue) => (
            <p key={formatIssue(issue)}>{formatIssue(issue)}</p>
          ))}
        </div>
      )}

      {plan?.scenario && preview && (
        <>
          <section aria-labelledby="usage-slices-title" className="usage__section">
            <h3 id="usage-slices-title">
              Traffic from {plan.months[0]} to {plan.months[plan.months.length - 1]}
            </h3>
            <p className="muted">
              Averages over the months; requests per month and growth fitted to them, for a plan starting{' '}
              {plan.scenario.startMonth}.
              {plan.requestsEstimated &&
                ' Some files count no requests: requests are estimated from input tokens.'}
            </p>
            <SlicesTable plan={plan} />
          </section>
          <ReconcileSection months={preview.reconcile} />
          <BacktestSection months={preview.backtest} />
          <div className="usage__actions">
            <button type="button" className="button button--primary" onClick={accept}>
              Use this plan
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                clear();
                setErrors([]);
              }}
            >
              Discard
            </button>
            <span className="muted">
              Replaces the traffic with these {plan.slices.length} slices and adds the Today strategy.
            </span>
          </div>
        </>
      )}
    </div>
  );
}
