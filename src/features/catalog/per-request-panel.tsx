import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { quoteCatalog } from '../../domain/call-quote';
import { sliceSchema } from '../../domain/scenario-schema';
import type { Slice } from '../../domain/scenario-schema';
import { formatIssue } from '../../domain/validate-scenario';
import { formatNumber } from '../../format/format';
import { createCallLink, isCallFragment, readCallFragment } from '../../io/call-link';
import type { CallInputs } from '../../io/call-link';
import { addSlice, updateSlice } from '../../state/scenario-edits';
import { makeUniqueId } from '../../domain/ids';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { NumberField } from '../../ui/number-field';
import { CatalogFilterForm, useCatalogFilters } from './catalog-filter-form';
import { PerRequestTable } from './per-request-table';
import type { PerRequestTableHandle } from './per-request-table';
import { CHEAPEST_FIRST, selectQuoteRows, toggleQuoteSort } from './per-request-view';
import type { QuoteSort, QuoteSortKey } from './per-request-view';
import { TokenCounter } from './token-counter';
import './catalog.css';
import './per-request.css';

/** Where the calculator starts without a link: a 3,000-token prompt, 2,000 of it a cached prefix, 500 out. */
export const DEFAULT_CALL: CallInputs = {
  inputTokens: 3000,
  cachedPrefixTokens: 2000,
  outputTokens: 500,
  reasoningTokens: 0,
  cacheHitRate: 0.9,
  cacheTtl: '5m',
  batchShare: 0,
};

/** Caching and batch are on: a prefix of 0 or a batch share of 0 turns each off for the call. */
const CALL_OPTIONS = { batch: true, caching: true } as const;

/** The calculator's inputs from the address when it carries a calculator link, with what was wrong with it. */
function readAddress(): { call: CallInputs | null; problem: string | null } {
  if (typeof window === 'undefined' || !isCallFragment(window.location.hash))
    return { call: null, problem: null };
  const read = readCallFragment(window.location.hash);
  return read.ok
    ? { call: read.value, problem: null }
    : { call: null, problem: read.issues.map(formatIssue).join('; ') };
}

type NumericCallField = Exclude<keyof CallInputs, 'cacheTtl'>;

type CallFieldSpec = { field: NumericCallField; label: string; percent?: boolean; hint?: string };

/** The call's number fields in screen order; the cache lifetime select follows the hit rate. */
const CACHE_FIELDS: readonly CallFieldSpec[] = [
  { field: 'inputTokens', label: 'Input tokens', hint: 'The whole prompt, cached prefix included' },
  {
    field: 'cachedPrefixTokens',
    label: 'Cached prefix',
    hint: 'The prompt’s start that repeats between calls',
  },
  {
    field: 'cacheHitRate',
    label: 'Cache hit rate',
    percent: true,
    hint: 'Calls that read the prefix; the others write it',
  },
];
const OUTPUT_FIELDS: readonly CallFieldSpec[] = [
  { field: 'outputTokens', label: 'Output tokens' },
  { field: 'reasoningTokens', label: 'Reasoning tokens', hint: 'Billed as output on reasoning models only' },
  {
    field: 'batchShare',
    label: 'Sent through batch',
    percent: true,
    hint: 'Share of calls on the batch API',
  },
];

/** The fields of one call, each with the traffic slice's own rule. */
function CallFields({ call, onChange }: { call: CallInputs; onChange: (call: CallInputs) => void }) {
  const id = useId();
  const renderField = ({ field, label, percent = false, hint }: CallFieldSpec) => (
    <NumberField
      key={field}
      label={label}
      {...(percent ? { percent } : { unit: 'tokens' })}
      {...(hint ? { hint } : {})}
      value={call[field]}
      schema={sliceSchema.shape[field]}
      onCommit={(value) => {
        onChange({ ...call, [field]: value });
        return null;
      }}
    />
  );
  return (
    <fieldset className="per-request__fields">
      <legend>One call</legend>
      {CACHE_FIELDS.map(renderField)}
      <div className="field">
        <label htmlFor={`${id}-ttl`} className="field__label">
          Cache lifetime
        </label>
        <select
          id={`${id}-ttl`}
          value={call.cacheTtl}
          onChange={(event) => onChange({ ...call, cacheTtl: event.target.value === '1h' ? '1h' : '5m' })}
        >
          <option value="5m">5 minutes</option>
          <option value="1h">1 hour</option>
        </select>
      </div>
      {OUTPUT_FIELDS.map(renderField)}
    </fieldset>
  );
}

/** "Make this a slice": the call's numbers as a new traffic slice, with a name and a monthly volume. */
function MakeSlice({ call }: { call: CallInputs }) {
  const id = useId();
  const [name, setName] = useState('Per-request estimate');
  const [requests, setRequests] = useState(100_000);
  const [status, setStatus] = useState('');
  function handleAdd() {
    const { scenario, edit } = usePlannerStore.getState();
    if (!scenario) return;
    const slice: Slice = {
      id: makeUniqueId(
        'per-request',
        scenario.traffic.map((s) => s.id),
      ),
      name: name.trim() || 'Per-request estimate',
      requestsPerMonth: requests,
      ...call,
      qualityBar: 0,
      monthlyGrowth: 0,
      regions: null,
    };
    const refusal = describeRefusal(edit((current) => addSlice(current, slice)));
    setStatus(
      refusal
        ? `The slice ${refusal}`
        : `Added “${slice.name}” to the Traffic mix: ${formatNumber(requests)} calls a month of ${formatNumber(
            call.inputTokens,
          )} input and ${formatNumber(call.outputTokens)} output tokens. Undo (Ctrl+Z) removes it.`,
    );
  }
  return (
    <div className="per-request__make-slice" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Make this a slice</h3>
      <div className="per-request__row">
        <div className="field">
          <label htmlFor={`${id}-name`} className="field__label">
            Slice name
          </label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <NumberField
          label="Calls per month"
          value={requests}
          schema={sliceSchema.shape.requestsPerMonth}
          onCommit={(value) => {
            setRequests(value);
            return null;
          }}
        />
        <button type="button" className="button button--primary" onClick={handleAdd}>
          Add to the Traffic mix
        </button>
      </div>
      <p className="catalog__status" role="status">
        {status}
      </p>
    </div>
  );
}

/** A link that reopens the calculator with these inputs, copied on request. */
function ShareCall({ call }: { call: CallInputs }) {
  const id = useId();
  const [copied, setCopied] = useState('');
  const link = typeof window === 'undefined' ? '' : createCallLink(call, window.location.href);
  return (
    <div className="per-request__share">
      <div className="field">
        <label htmlFor={`${id}-link`} className="field__label">
          Link to this calculation
        </label>
        <input
          id={`${id}-link`}
          type="text"
          readOnly
          value={link}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <button
        type="button"
        className="button"
        onClick={() => {
          navigator.clipboard?.writeText(link).then(
            () => setCopied('Link copied.'),
            () => setCopied('Copy the link from the box: the browser refused the clipboard.'),
          );
        }}
      >
        Copy link
      </button>
      <span className="per-request__copied" role="status">
        {copied}
      </span>
    </div>
  );
}

/** How many of the rows shown billed at a long-context tier or left their prefix uncached for its minimum. */
function TierSummary({ tiered, belowMinimum }: { tiered: number; belowMinimum: number }) {
  if (tiered === 0 && belowMinimum === 0) return null;
  return (
    <p className="notice notice--info per-request__tiers" data-testid="per-request-tiers">
      {tiered > 0 &&
        `${formatNumber(tiered)} ${tiered === 1 ? 'model bills' : 'models bill'} this call at the long-context tier. `}
      {belowMinimum > 0 &&
        `${formatNumber(belowMinimum)} ${belowMinimum === 1 ? 'model does' : 'models do'} not cache a prefix this short (under ${belowMinimum === 1 ? 'its' : 'their'} minimum).`}
    </p>
  );
}

/**
 * Per-request cost: one call's input, cached-prefix, output and reasoning tokens priced on every per-token model
 * of the catalog by the engine's `costPerCall`, filtered and sorted like the catalog, with what each bill applied
 * (long-context tier, minimum prefix, batch); a link that reopens it; the call as a new traffic slice; and the
 * token counter.
 */
export function PerRequestPanel() {
  const scenario = useScenario();
  const catalog = scenario.catalog;
  const priceUnit = usePlannerStore((s) => s.priceUnit);
  const [opened] = useState(readAddress);
  const [call, setCall] = useState<CallInputs>(opened.call ?? DEFAULT_CALL);
  const [linkProblem, setLinkProblem] = useState<string | null>(opened.problem);
  const [counterOpen, setCounterOpen] = useState(false);
  const [sort, setSort] = useState<QuoteSort>(CHEAPEST_FIRST);
  const filterControls = useCatalogFilters(priceUnit);
  const tableRef = useRef<PerRequestTableHandle>(null);

  // A calculator link pasted into the address of the open screen opens like a fresh one.
  useEffect(() => {
    function onHashChange() {
      const read = readAddress();
      if (read.call) setCall(read.call);
      if (read.call || read.problem) setLinkProblem(read.problem);
    }
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const { quotes, capacityCount } = useMemo(() => quoteCatalog(catalog, call, CALL_OPTIONS), [catalog, call]);
  const rows = useMemo(
    () => selectQuoteRows(catalog, quotes, filterControls.shownFilters, sort),
    [catalog, quotes, filterControls.shownFilters, sort],
  );
  const tiered = rows.filter((quote) => quote.longContextAbove !== null).length;
  const belowMinimum = rows.filter((quote) => quote.prefix.kind === 'below-minimum').length;

  function handleSort(key: QuoteSortKey) {
    setSort((previous) => toggleQuoteSort(previous, key));
    tableRef.current?.scrollToTop();
  }

  function fillSlice(index: number, inputTokens: number, outputTokens: number, family: string): string {
    const { scenario: current, edit } = usePlannerStore.getState();
    const slice = current?.traffic[index];
    if (!slice) return 'There is no slice to fill.';
    const refusal = describeRefusal(
      edit((s) => updateSlice(s, index, { ...slice, inputTokens, outputTokens })),
    );
    return refusal
      ? `${slice.name || slice.id} ${refusal}`
      : `${slice.name || slice.id} now has ${formatNumber(inputTokens)} input and ${formatNumber(outputTokens)} output tokens (${family}). Undo (Ctrl+Z) restores them.`;
  }

  return (
    <div className="per-request">
      <div className="section-head">
        <div>
          <h2>Per-request cost</h2>
          <p className="muted catalog__intro">
            What one call costs on every per-token model of the catalog, billed as the engine bills a traffic
            slice: tokenizer factor, reasoning tokens, long-context tier, cache writes and reads with each
            model’s minimum prefix, and batch.
          </p>
        </div>
      </div>
      {linkProblem && (
        <p className="notice notice--error" role="alert">
          This calculator link could not be opened: {linkProblem}.
        </p>
      )}
      <div className="per-request__top">
        <CallFields call={call} onChange={setCall} />
        <div className="per-request__side">
          <ShareCall call={call} />
          <MakeSlice call={call} />
        </div>
      </div>

      <div className="per-request__counter">
        <button
          type="button"
          className="button"
          aria-expanded={counterOpen}
          onClick={() => setCounterOpen((open) => !open)}
        >
          {counterOpen ? 'Hide the token counter' : 'Count the tokens of a prompt…'}
        </button>
        {counterOpen && (
          <TokenCounter
            catalog={catalog}
            traffic={scenario.traffic}
            onFillSlice={fillSlice}
            onUseInCalculator={(inputTokens, outputTokens) =>
              setCall((previous) => ({
                ...previous,
                inputTokens,
                outputTokens,
                cachedPrefixTokens: Math.min(previous.cachedPrefixTokens, inputTokens),
              }))
            }
          />
        )}
      </div>

      <CatalogFilterForm
        controls={filterControls}
        catalog={catalog}
        priceUnit={priceUnit}
        label="Filter the models priced"
        onChange={() => tableRef.current?.scrollToTop()}
      >
        <p className="catalog__count" aria-live="polite" data-testid="per-request-count">
          {formatNumber(rows.length)} of {formatNumber(quotes.length)} per-token models
          {capacityCount > 0 && ` (${formatNumber(capacityCount)} capacity-billed not priced per call)`}
        </p>
      </CatalogFilterForm>
      <TierSummary tiered={tiered} belowMinimum={belowMinimum} />
      <PerRequestTable
        ref={tableRef}
        catalog={catalog}
        rows={rows}
        call={call}
        sort={sort}
        onSort={handleSort}
        priceUnit={priceUnit}
      />
      {rows.length === 0 && <p className="catalog__empty">No per-token model matches these filters.</p>}
    </div>
  );
}
