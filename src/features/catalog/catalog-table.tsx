import { hasQualityScore } from '../../domain/model-ranking';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useImperativeHandle, useRef } from 'react';
import type { Ref, RefObject } from 'react';
import type { Model } from '../../domain/scenario-schema';
import type { PriceUnit } from '../../state/scenario-store';
import { formatNumber, formatPercent, formatPrice, formatScore } from '../../format/format';
import { describePriceUnit, isSeedFigure, toShownPrice } from './catalog-view';
import { STALE_AFTER_DAYS, measurePriceAgeDays } from '../../domain/price-age';
import type { CatalogSort, SortDirection, SortKey } from './catalog-view';
import { observeWithFallbackHeight } from '../../ui/fallback-rect';

/**
 * Every row is this tall (up to two lines of name, then the id; catalog.css's row height), so the virtualiser
 * never measures.
 */
export const ROW_HEIGHT_PX = 62;
/** The sticky header row's height; rows start below it. */
const HEADER_HEIGHT_PX = 58;
/** The scroll box's height when the browser reports none (a hidden tab, or jsdom in tests): its CSS height on a common screen. */
const VIEWPORT_FALLBACK_PX = 560;
const COLUMN_COUNT = 13;

export type CatalogTableHandle = {
  /** Scrolls the model's row into view and, when asked, focuses its Edit button. */
  revealModel: (id: string, options?: { focusEdit?: boolean }) => void;
  /** Back to the first row (after the filters or the sort change). */
  scrollToTop: () => void;
};

/** A sortable column: `sub` is a second header line ('price' for the price unit). */
export type Column<K extends string = SortKey> = {
  key: K;
  label: string;
  sub?: 'price' | string;
  numeric?: boolean;
  className: string;
};

const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Model', sub: 'id', className: 'col-name' },
  { key: 'provider', label: 'Provider', className: 'col-provider' },
  { key: 'platform', label: 'Platform', className: 'col-platform' },
  { key: 'input', label: 'Input', sub: 'price', numeric: true, className: 'col-price' },
  { key: 'output', label: 'Output', sub: 'price', numeric: true, className: 'col-price' },
  { key: 'cacheWrite', label: 'Cache write', sub: 'price', numeric: true, className: 'col-price' },
  { key: 'cacheRead', label: 'Cache read', sub: 'price', numeric: true, className: 'col-price' },
  { key: 'batchDiscount', label: 'Batch', sub: 'discount', numeric: true, className: 'col-batch' },
  { key: 'contextWindow', label: 'Context', sub: 'tokens', numeric: true, className: 'col-context' },
  { key: 'quality', label: 'Quality', numeric: true, className: 'col-quality' },
  {
    key: 'outputTokenFactor',
    label: 'Output factor',
    sub: '× tokens',
    numeric: true,
    className: 'col-small',
  },
  { key: 'source', label: 'Source', sub: 'as of', className: 'col-source' },
];

type CatalogTableProps = {
  catalog: readonly Model[];
  /** Catalog indexes to show, in display order. */
  rows: readonly number[];
  sort: CatalogSort;
  onSort: (key: SortKey) => void;
  priceUnit: PriceUnit;
  editingId: string | null;
  onEdit: (id: string) => void;
  /** Today, YYYY-MM-DD, for the age of each price; no ages shown without it. */
  today?: string;
  /** The catalog index of the row marked "Cheapest" (see `findCheapestScoredRow`), or null. */
  cheapestIndex?: number | null;
  ref?: Ref<CatalogTableHandle>;
};

/**
 * Reports the scroll box's size, or the size CSS gives it when the browser reports none, so that a window of
 * rows renders even before layout.
 */

/** Today, YYYY-MM-DD (UTC), read once when the module loads: what "already retired" is measured against. */
const TODAY = new Date().toISOString().slice(0, 10);

/** "retired 2025-10-22" once the day has passed, else "retires 2026-05-31"; the full sentence as its title. */
function RetirementMarker({ retiresOn }: { retiresOn: string }) {
  const retired = retiresOn <= TODAY;
  return (
    <span
      className={`badge catalog-table__seed ${retired ? 'badge--warn' : 'badge--neutral'}`}
      title={
        retired
          ? `The provider stopped serving this model on ${retiresOn}`
          : `The provider stops serving this model on ${retiresOn}`
      }
      data-testid="catalog-retirement"
    >
      {retired ? 'retired' : 'retires'} {retiresOn}
    </span>
  );
}

/** A column header that sorts its table: ascending, descending, and its direction announced (`aria-sort`). */
export function SortHeader<K extends string>({
  column,
  sort,
  onSort,
  priceUnit,
}: {
  column: Column<K>;
  sort: { key: K; direction: SortDirection } | null;
  onSort: (key: K) => void;
  priceUnit: PriceUnit;
}) {
  const direction = sort?.key === column.key ? sort.direction : null;
  const sub = column.sub === 'price' ? describePriceUnit(priceUnit) : column.sub;
  return (
    <th
      scope="col"
      className={`${column.className}${column.numeric ? ' num' : ''}`}
      aria-sort={direction ?? undefined}
    >
      <button type="button" className="catalog-table__sort" onClick={() => onSort(column.key)}>
        <span className="catalog-table__sort-label">
          <span>
            {column.label}
            <span className="catalog-table__sort-mark" aria-hidden="true">
              {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
            </span>
          </span>
          {sub && <span className="th-sub">{sub}</span>}
        </span>
      </button>
    </th>
  );
}

function PerTokenCells({
  model,
  priceUnit,
  isCheapest,
}: {
  model: Model;
  priceUnit: PriceUnit;
  isCheapest: boolean;
}) {
  const pricing = model.pricing;
  if (pricing.kind !== 'per-token') return null;
  const show = (perMTok: number) => formatPrice(toShownPrice(perMTok, priceUnit));
  return (
    <>
      <td className="num">
        {show(pricing.inputPerMTok)}
        {isCheapest && (
          <span className="catalog-table__sub">
            <span
              className="badge badge--good catalog-table__cheapest"
              title="Lowest input + output price among the models shown that have a price and a quality score"
            >
              Cheapest
            </span>
          </span>
        )}
      </td>
      <td className="num">{show(pricing.outputPerMTok)}</td>
      <td className="num">
        {pricing.cacheReadPerMTok === null ? (
          // Without prompt caching nothing is written to a cache: a write price would never be paid.
          <span className="muted" title="No prompt caching: nothing is written to a cache">
            —
          </span>
        ) : pricing.cacheWritePerMTok === null ? (
          <span title="No separate cache-write price: writes cost the input price">
            {show(pricing.inputPerMTok)}
            <span className="catalog-table__sub">= input</span>
          </span>
        ) : (
          show(pricing.cacheWritePerMTok)
        )}
      </td>
      <td className="num">
        {pricing.cacheReadPerMTok === null ? (
          <span className="muted" title="No prompt caching">
            None
          </span>
        ) : (
          show(pricing.cacheReadPerMTok)
        )}
      </td>
      <td className="num">
        {pricing.batchDiscount === null ? (
          <span className="muted" title="No batch mode">
            None
          </span>
        ) : (
          `${formatPercent(pricing.batchDiscount)} off`
        )}
      </td>
    </>
  );
}

function CapacityCell({ model }: { model: Model }) {
  const pricing = model.pricing;
  if (pricing.kind !== 'capacity') return null;
  return (
    <td colSpan={5} className="catalog-table__capacity">
      <span className="catalog-table__line">
        <span className="badge badge--neutral catalog-table__kind">Capacity-billed</span>
        {formatPrice(pricing.hourlyPerUnit)}/hour per unit
      </span>
      <span className="catalog-table__line">
        {formatNumber(pricing.tokensPerMinutePerUnit)} tokens/min per unit · min{' '}
        {formatNumber(pricing.minUnits)} unit{pricing.minUnits === 1 ? '' : 's'}
      </span>
    </td>
  );
}

/** "as of 2026-10-08 · 55 days", with a notice when the price is more than 90 days old. */
function PriceAge({ asOf, days }: { asOf: string; days: number | null }) {
  if (!asOf) return <>no date</>;
  if (days === null) return <>as of {asOf}</>;
  const stale = days > STALE_AFTER_DAYS;
  return (
    <>
      as of {asOf} · {formatNumber(days)} day{days === 1 ? '' : 's'}
      {stale && (
        <span
          className="badge badge--warn catalog-table__stale"
          title={`This price is more than ${STALE_AFTER_DAYS} days old: check it before you budget`}
        >
          over {STALE_AFTER_DAYS} days
        </span>
      )}
    </>
  );
}

/** One model's row; memoised, so that after an edit only the edited model's row is drawn again. */
const CatalogRow = memo(function CatalogRow({
  model,
  rowIndex,
  priceUnit,
  isEditing,
  onEdit,
  today,
  isCheapest,
}: {
  model: Model;
  rowIndex: number;
  priceUnit: PriceUnit;
  isEditing: boolean;
  onEdit: (id: string) => void;
  today: string | undefined;
  isCheapest: boolean;
}) {
  const seed = isSeedFigure(model);
  const seedYear = model.source?.asOf.match(/^\d{4}/)?.[0];
  const ageDays = today === undefined ? null : measurePriceAgeDays(model, today);
  return (
    <tr
      aria-rowindex={rowIndex + 2}
      className={isEditing ? 'is-editing' : undefined}
      data-testid="catalog-row"
    >
      <th scope="row" className="col-name">
        <span className="catalog-table__name" title={model.name}>
          {model.name || <span className="muted">(no name)</span>}
        </span>
        <span className="catalog-table__id" title={model.id}>
          {model.retiresOn !== null && <RetirementMarker retiresOn={model.retiresOn} />}
          {model.id}
        </span>
      </th>
      <td>
        <span className="catalog-table__line" title={model.provider}>
          {model.provider || <span className="muted">—</span>}
        </span>
        {model.openWeight && <span className="catalog-table__sub">open weight</span>}
      </td>
      <td>
        <span className="catalog-table__line" title={model.platform}>
          {model.platform}
        </span>
      </td>
      {model.pricing.kind === 'per-token' ? (
        <PerTokenCells model={model} priceUnit={priceUnit} isCheapest={isCheapest} />
      ) : (
        <CapacityCell model={model} />
      )}
      <td className="num">
        {model.contextWindow === null ? (
          <span className="muted">Unlimited</span>
        ) : (
          formatNumber(model.contextWindow)
        )}
      </td>
      <td className="num">
        {hasQualityScore(model) ? (
          formatScore(model.quality)
        ) : (
          <span className="muted catalog-table__unscored">no quality score</span>
        )}
      </td>
      <td className="num">×{formatNumber(model.outputTokenFactor)}</td>
      <td>
        {model.source ? (
          <>
            <span className="catalog-table__line" title={model.source.label}>
              {seed ? model.source.label.replace(/^\s*seed\s*:?\s*/i, '') : model.source.label}
            </span>
            <span className="catalog-table__sub">
              {seed && (
                <span className="badge badge--warn catalog-table__seed">
                  seed{seedYear ? ` ${seedYear}` : ''}
                </span>
              )}
              <PriceAge asOf={model.source.asOf} days={ageDays} />
            </span>
          </>
        ) : (
          <span className="muted">Your figure</span>
        )}
      </td>
      <td className="col-actions">
        <button
          type="button"
          className="button catalog-table__edit"
          aria-label={`Edit ${model.name || model.id}`}
          aria-expanded={isEditing}
          data-model-id={model.id}
          onClick={() => onEdit(model.id)}
        >
          Edit
        </button>
      </td>
    </tr>
  );
});

/**
 * The virtualiser of the catalog's tables: rows of `ROW_HEIGHT_PX` below a sticky header, and the heights of the
 * spacer rows that stand for the rows out of view above and below.
 */
export function useVirtualRows(count: number, scrollRef: RefObject<HTMLDivElement | null>) {
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; the virtualiser re-renders its table itself.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 8,
    initialRect: { width: 0, height: VIEWPORT_FALLBACK_PX },
    observeElementRect: observeWithFallbackHeight(observeElementRect, VIEWPORT_FALLBACK_PX),
    scrollMargin: HEADER_HEIGHT_PX,
    scrollPaddingStart: HEADER_HEIGHT_PX,
  });
  const items = virtualizer.getVirtualItems();
  const firstStart = items[0] ? items[0].start - HEADER_HEIGHT_PX : 0;
  const lastEnd = items.at(-1) ? (items.at(-1)?.end ?? 0) - HEADER_HEIGHT_PX : 0;
  return { virtualizer, items, firstStart, paddingBottom: Math.max(0, count * ROW_HEIGHT_PX - lastEnd) };
}

/** A row that stands for `height` pixels of rows out of view (nothing when 0). */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="catalog-table__spacer" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}

/**
 * The catalog as a table whose rows are virtualised: only the rows in view (and a few either side) are in the
 * DOM, so a 2,000-model catalog scrolls as smoothly as a 20-model one. The header sticks to the top of the
 * scroll box; headers sort. Memoised: an edit in the model editor draws the table again only once its catalog
 * has changed.
 */
export const CatalogTable = memo(function CatalogTable({
  catalog,
  rows,
  sort,
  onSort,
  priceUnit,
  editingId,
  onEdit,
  today,
  cheapestIndex = null,
  ref,
}: CatalogTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { virtualizer, items, firstStart, paddingBottom } = useVirtualRows(rows.length, scrollRef);
  // A model opened in the editor shows its name and prices beside it: pressing its Edit button, in the last
  // column, had scrolled a table wider than its box to its far side, which the editor then covers.
  useEffect(() => {
    if (editingId !== null && scrollRef.current) scrollRef.current.scrollLeft = 0;
  }, [editingId]);

  useImperativeHandle(
    ref,
    () => ({
      revealModel(id, options) {
        const position = rows.findIndex((index) => catalog[index]?.id === id);
        if (position < 0) return;
        const focusEdit = () => {
          const button = [
            ...(scrollRef.current?.querySelectorAll<HTMLButtonElement>('[data-model-id]') ?? []),
          ].find((element) => element.dataset['modelId'] === id);
          button?.focus();
          return button !== undefined;
        };
        if (options?.focusEdit && focusEdit()) return;
        virtualizer.scrollToIndex(position, { align: 'auto' });
        if (options?.focusEdit) requestAnimationFrame(() => requestAnimationFrame(() => focusEdit()));
      },
      scrollToTop() {
        virtualizer.scrollToOffset(0);
      },
    }),
    [catalog, rows, virtualizer],
  );

  return (
    <div
      className="catalog-table__scroll"
      ref={scrollRef}
      role="region"
      aria-label="Catalog table, scrolls both ways"
      tabIndex={0}
    >
      <table
        className={`data-table catalog-table catalog-table--${priceUnit}`}
        aria-label="Models"
        aria-rowcount={rows.length + 1}
      >
        <colgroup>
          <col className="col-name" />
          <col className="col-provider" />
          <col className="col-platform" />
          <col className="col-price" />
          <col className="col-price" />
          <col className="col-price" />
          <col className="col-price" />
          <col className="col-batch" />
          <col className="col-context" />
          <col className="col-quality" />
          <col className="col-small" />
          <col className="col-source" />
          <col className="col-actions" />
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
            <th scope="col" className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={firstStart} columns={COLUMN_COUNT} />
          {items.map((item) => {
            const index = rows[item.index];
            const model = index === undefined ? undefined : catalog[index];
            if (!model) return null;
            return (
              <CatalogRow
                key={`${index}:${model.id}`}
                model={model}
                rowIndex={item.index}
                priceUnit={priceUnit}
                isEditing={model.id === editingId}
                onEdit={onEdit}
                today={today}
                isCheapest={index === cheapestIndex}
              />
            );
          })}
          <SpacerRow height={paddingBottom} columns={COLUMN_COUNT} />
        </tbody>
      </table>
    </div>
  );
});
