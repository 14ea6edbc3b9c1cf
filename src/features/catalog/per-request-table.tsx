import { useImperativeHandle, useRef } from 'react';
import type { Ref } from 'react';
import type { CallSlice } from '../../domain/call-cost';
import type { CallQuote } from '../../domain/call-quote';
import type { Model } from '../../domain/scenario-schema';
import { formatUnitCost, formatMoney, formatNumber } from '../../format/format';
import type { PriceUnit } from '../../state/scenario-store';
import { useMoneyDisplay } from '../../ui/money';
import { SortHeader, SpacerRow, useVirtualRows } from './catalog-table';
import type { Column } from './catalog-table';
import { describeQuote } from './per-request-view';
import type { QuoteSort, QuoteSortKey } from './per-request-view';

const COLUMNS: readonly Column<QuoteSortKey>[] = [
  { key: 'name', label: 'Model', sub: 'id', className: 'col-name' },
  { key: 'provider', label: 'Provider', className: 'col-provider' },
  { key: 'platform', label: 'Platform', sub: 'region', className: 'col-platform' },
  { key: 'perCall', label: 'Per call', sub: 'billed', numeric: true, className: 'col-cost' },
  { key: 'perMillion', label: 'Per 1M calls', sub: 'billed', numeric: true, className: 'col-cost' },
  { key: 'list', label: 'List price', sub: 'per call', numeric: true, className: 'col-cost' },
  { key: 'contextWindow', label: 'Context', sub: 'tokens', numeric: true, className: 'col-context' },
];
const COLUMN_COUNT = COLUMNS.length + 1;

export type PerRequestTableHandle = { scrollToTop: () => void };

function QuoteRow({
  quote,
  model,
  call,
  rowIndex,
}: {
  quote: CallQuote;
  model: Model;
  call: CallSlice;
  rowIndex: number;
}) {
  const notes = describeQuote(quote, model, call);
  const display = useMoneyDisplay();
  return (
    <tr aria-rowindex={rowIndex + 2} data-testid="per-request-row" data-model-id={model.id}>
      <th scope="row" className="col-name">
        <span className="catalog-table__name" title={model.name}>
          {model.name || <span className="muted">(no name)</span>}
        </span>
        <span className="catalog-table__id" title={model.id}>
          {model.id}
        </span>
      </th>
      <td>
        <span className="catalog-table__line" title={model.provider}>
          {model.provider || <span className="muted">—</span>}
        </span>
      </td>
      <td>
        <span className="catalog-table__line" title={model.platform}>
          {model.platform}
        </span>
        {model.region !== null && <span className="catalog-table__sub">{model.region}</span>}
      </td>
      <td className="num" data-testid="per-request-per-call" data-usd={quote.cost.final}>
        {formatUnitCost(quote.cost.final, display)}
      </td>
      <td className="num" data-testid="per-request-per-million" data-usd={quote.perMillionCalls}>
        {formatMoney(quote.perMillionCalls, display)}
      </td>
      <td className="num">{formatUnitCost(quote.cost.list, display)}</td>
      <td className="num">
        {model.contextWindow === null ? (
          <span className="muted">Unlimited</span>
        ) : (
          formatNumber(model.contextWindow)
        )}
      </td>
      <td className="per-request-table__notes" title={notes.join(' · ')} data-testid="per-request-notes">
        {notes.length === 0 ? (
          <span className="muted">Base prices</span>
        ) : (
          notes.map((note) => (
            <span key={note} className="catalog-table__line">
              {note}
            </span>
          ))
        )}
      </td>
    </tr>
  );
}

/**
 * The call's cost on every model shown, virtualised like the catalog (only the rows in view are in the DOM, so
 * 10,000 models scroll as smoothly as 20). Headers sort; the last column says what the bill applied.
 */
export function PerRequestTable({
  catalog,
  rows,
  call,
  sort,
  onSort,
  priceUnit,
  ref,
}: {
  catalog: readonly Model[];
  rows: readonly CallQuote[];
  call: CallSlice;
  sort: QuoteSort;
  onSort: (key: QuoteSortKey) => void;
  priceUnit: PriceUnit;
  ref?: Ref<PerRequestTableHandle>;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { virtualizer, items, firstStart, paddingBottom } = useVirtualRows(rows.length, scrollRef);
  useImperativeHandle(ref, () => ({ scrollToTop: () => virtualizer.scrollToOffset(0) }), [virtualizer]);

  return (
    <div
      className="catalog-table__scroll"
      ref={scrollRef}
      role="region"
      aria-label="Cost per call on each model, scrolls both ways"
      tabIndex={0}
    >
      <table
        className="data-table catalog-table per-request-table"
        aria-label="Cost per call"
        aria-rowcount={rows.length + 1}
      >
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} className={column.className} />
          ))}
          <col className="col-notes" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <SortHeader
                key={column.key}
                column={column}
                sort={sort}
                onSort={onSort}
                priceUnit={priceUnit}
              />
            ))}
            <th scope="col" className="col-notes per-request-table__notes-head">
              Billed as
            </th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={firstStart} columns={COLUMN_COUNT} />
          {items.map((item) => {
            const quote = rows[item.index];
            const model = quote === undefined ? undefined : catalog[quote.index];
            if (!quote || !model) return null;
            return (
              <QuoteRow
                key={`${quote.index}:${model.id}`}
                quote={quote}
                model={model}
                call={call}
                rowIndex={item.index}
              />
            );
          })}
          <SpacerRow height={paddingBottom} columns={COLUMN_COUNT} />
        </tbody>
      </table>
    </div>
  );
}
