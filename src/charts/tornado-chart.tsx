import type { PointerEvent } from 'react';
import { findAxisTop, formatNumber } from '../format/format';
import {
  AXIS_STROKE,
  TICK_CHAR_PX,
  TICK_MARK_PX,
  TICK_STYLE,
  buildRangeTicks,
  keepTickInside,
  linearScale,
} from './chart-series';
import { FloatingTooltip, PlotSurface, usePlotCursor } from './svg-plot';
import { steppedIndex } from './plot-keys';
import { seriesColor } from './palette';
import { TooltipLines } from './tooltip-lines';
import { useElementSize } from './use-element-size';
import './charts.css';

export type TornadoRow = {
  /** "Bulk classify · monthly growth"; a line break is made at the last " · " when it is too long. */
  label: string;
  /** The outcome with the input at its low value. */
  lowOutcome: number;
  /** The outcome with the input at its high value. */
  highOutcome: number;
  /** Marked with ◆ (the user's own range rather than the default swing). */
  marked?: boolean;
  /** Tooltip lines for the two ends, e.g. "800,000 → $43,200". */
  lowText: string;
  highText: string;
};

export type TornadoChartProps = {
  /** Top row first. */
  rows: readonly TornadoRow[];
  /** The outcome with every input at its likely value: the bars grow from it. */
  baseline: number;
  baselineLabel: string;
  /** Short tick text for the value axis; `axisTop` is its largest tick by size, for one format along it. */
  formatTick: (value: number, axisTop: number) => string;
  lowName?: string;
  highName?: string;
  markedName?: string;
};

/** Height of one row of bars, px; the section sizes the frame from it. */
export const TORNADO_ROW_PX = 40;
/** Height taken by the legend, the axis and the margins, px. */
export const TORNADO_CHROME_PX = 92;

const LOW_COLOR = seriesColor(0);
const HIGH_COLOR = seriesColor(1);
/** Below this width the labels go above their bars instead of beside them. */
const COMPACT_WIDTH_PX = 560;
const MARGIN = { top: 26, right: 16, bottom: 4, left: 4 } as const;
/** Room under the plot for the value axis's ticks and their numbers, px. */
const AXIS_PX = 26;
/** The share of a row's band its bars take (a quarter of the band is left above and below). */
const BAR_SHARE = 0.5;

/** Text cut to `maxChars` with "…". */
function cutText(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, Math.max(1, maxChars - 1))}…` : text;
}

/**
 * A label in at most `maxLines` lines of `maxChars`, broken at the last " · " (the field name after it is
 * kept whole where it fits; the part before it is cut with "…").
 */
export function fitLabel(label: string, maxChars: number, maxLines = 2): string[] {
  if (label.length <= maxChars) return [label];
  const split = label.lastIndexOf(' · ');
  if (split < 0) return [cutText(label, maxChars)];
  const head = label.slice(0, split);
  const field = label.slice(split + 3);
  if (maxLines >= 2) return [cutText(head, maxChars), cutText(field, maxChars)];
  const room = maxChars - field.length - 3;
  return room >= 6 ? [`${cutText(head, room)} · ${field}`] : [cutText(label, maxChars)];
}

/** Where the rows, the bars and the axis fall in a plot of `width` × `height` px. */
export function placeTornado(
  rowCount: number,
  domain: readonly [number, number],
  width: number,
  height: number,
  labelWidth: number,
) {
  const left = MARGIN.left + labelWidth;
  const right = Math.max(left + 1, width - MARGIN.right);
  const top = MARGIN.top;
  const bottom = Math.max(top + 1, height - MARGIN.bottom - AXIS_PX);
  const band = (bottom - top) / Math.max(1, rowCount);
  const x = linearScale(domain, left, right);
  /** The middle of row `i`'s band. */
  const middle = (i: number) => top + (i + 0.5) * band;
  return { left, right, top, bottom, band, x, middle };
}

/** A row label: right-aligned beside its bar (up to two lines), or in compact mode one line above it. */
function RowLabel({
  x,
  y,
  label,
  maxChars,
  compact,
}: {
  x: number;
  y: number;
  label: string;
  maxChars: number;
  compact: boolean;
}) {
  const lines = fitLabel(label, maxChars, compact ? 1 : 2);
  if (compact) {
    return (
      <text x={MARGIN.left} y={y - 5} textAnchor="start">
        <title>{label}</title>
        {lines[0]}
      </text>
    );
  }
  const firstDy = lines.length === 1 ? 4 : -3;
  return (
    <text x={x} y={y} textAnchor="end">
      <title>{label}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? firstDy : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * A row's two bars from the baseline: to the outcome at the input's low value and to the outcome at its high
 * value. The longer is drawn first so a shorter one on the same side stays visible.
 */
function RowBars({
  row,
  baseline,
  x,
  y,
  height,
}: {
  row: TornadoRow;
  baseline: number;
  x: (value: number) => number;
  y: number;
  height: number;
}) {
  const base = x(baseline);
  const pieces = [
    { key: 'low', to: x(row.lowOutcome), fill: LOW_COLOR },
    { key: 'high', to: x(row.highOutcome), fill: HIGH_COLOR },
  ].sort((a, b) => Math.abs(b.to - base) - Math.abs(a.to - base));
  return (
    <g>
      {pieces.map((piece) => {
        const width = Math.abs(piece.to - base);
        if (!(width >= 1e-6)) return null;
        return (
          <rect
            key={piece.key}
            x={Math.min(piece.to, base)}
            y={y}
            width={Math.max(width, 1)}
            height={height}
            fill={piece.fill}
          />
        );
      })}
    </g>
  );
}

function RowTooltip({ row, lowName, highName }: { row: TornadoRow; lowName: string; highName: string }) {
  return (
    <TooltipLines
      label={row.label}
      lines={[
        { name: lowName, text: row.lowText, color: LOW_COLOR },
        { name: highName, text: row.highText, color: HIGH_COLOR },
      ]}
    />
  );
}

/**
 * A tornado chart, drawn as plain SVG: one row per input, largest swing on top, with a bar from the baseline
 * to the outcome at the input's low value and one to the outcome at its high value, in two colour-blind-safe
 * colours. A pointer over a row, or the arrow keys on the focused plot, show that row's two outcomes.
 */
export function TornadoChart({
  rows,
  baseline,
  baselineLabel,
  formatTick,
  lowName = 'Input at its low value',
  highName = 'Input at its high value',
  markedName = 'your own range',
}: TornadoChartProps) {
  const { ref, size } = useElementSize();
  const { cursor, point, step, surfaceHandlers } = usePlotCursor<{
    index: number;
    pointerX: number | null;
  }>();
  const active = cursor?.item ?? null;
  const width = size?.width ?? null;
  const compact = width !== null && width < COMPACT_WIDTH_PX;
  // Beside the bars, labels get about 40 % of the width, at most 300 px; above them, the whole width.
  const labelWidth = compact ? 1 : Math.round(Math.min(300, (width ?? 800) * 0.4));
  const maxChars = Math.floor(((compact ? (width ?? 0) : labelWidth) - 12) / TICK_CHAR_PX);
  let low = baseline;
  let high = baseline;
  for (const row of rows) {
    low = Math.min(low, row.lowOutcome, row.highOutcome);
    high = Math.max(high, row.lowOutcome, row.highOutcome);
  }
  const { domain, ticks } = buildRangeTicks(low, high);
  const anyMarked = rows.some((row) => row.marked);
  const plot = size ? placeTornado(rows.length, domain, size.width, size.height, labelWidth) : null;
  const shownRow = active && rows[active.index];

  function pointAt(event: PointerEvent<SVGSVGElement>) {
    if (!plot) return;
    const box = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    const index = Math.floor((py - plot.top) / plot.band);
    const inside = px >= plot.left && px <= plot.right && index >= 0 && index < rows.length;
    point(inside ? { index, pointerX: px } : null);
  }

  function stepBy(key: string): boolean {
    const index = steppedIndex(key, active?.index ?? -1, rows.length, ['ArrowDown', 'ArrowRight']);
    if (index === undefined) return false;
    step(index === null ? null : { index, pointerX: null });
    return true;
  }

  const baselineX = plot?.x(baseline) ?? 0;
  // Right of the middle the baseline's label reads leftwards from the line, so it stays inside the chart.
  const baselineOnRight = baseline > (domain[0] + domain[1]) / 2;

  return (
    <div className="svg-chart">
      <ul className="svg-chart__legend">
        <li data-chart-legend-item>
          <span className="svg-chart__swatch" style={{ background: LOW_COLOR }} />
          <span>{lowName}</span>
        </li>
        <li data-chart-legend-item>
          <span className="svg-chart__swatch" style={{ background: HIGH_COLOR }} />
          <span>{highName}</span>
        </li>
        {anyMarked && (
          <li data-chart-legend-item>
            <span>◆ {markedName}</span>
          </li>
        )}
      </ul>
      <div className="svg-plot" ref={ref}>
        {size && plot && (
          <PlotSurface
            width={size.width}
            height={size.height}
            label={`${formatNumber(rows.length)} ${rows.length === 1 ? 'input' : 'inputs'}, largest swing first: the arrow keys step through them`}
            onPointerMove={pointAt}
            onStepKey={stepBy}
            {...surfaceHandlers}
          >
            {shownRow && (
              <rect
                className="tornado-chart__cursor"
                x={plot.left}
                y={plot.top + active.index * plot.band}
                width={plot.right - plot.left}
                height={plot.band}
                fill="var(--surface-2)"
              />
            )}
            <g stroke={AXIS_STROKE} strokeDasharray="3 3">
              {ticks.map((tick) => (
                <line key={tick} x1={plot.x(tick)} x2={plot.x(tick)} y1={plot.top} y2={plot.bottom} />
              ))}
            </g>
            <g stroke={AXIS_STROKE}>
              <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
              <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
              {ticks.map((tick) => (
                <line
                  key={tick}
                  x1={plot.x(tick)}
                  x2={plot.x(tick)}
                  y1={plot.bottom}
                  y2={plot.bottom + TICK_MARK_PX}
                />
              ))}
              {!compact &&
                rows.map((_, i) => {
                  const y = plot.middle(i);
                  return <line key={i} x1={plot.left - TICK_MARK_PX} x2={plot.left} y1={y} y2={y} />;
                })}
            </g>
            <g fill={TICK_STYLE.fill} fontSize={TICK_STYLE.fontSize}>
              {ticks.map((tick) => {
                const text = formatTick(tick, findAxisTop(ticks));
                return (
                  <text
                    key={tick}
                    x={keepTickInside(plot.x(tick), text, size.width)}
                    y={plot.bottom + TICK_MARK_PX + 14}
                    textAnchor="middle"
                  >
                    {text}
                  </text>
                );
              })}
            </g>
            {rows.map((row, i) => {
              // In compact mode the label sits above the bars, in the upper part of the band.
              const barTop = plot.top + (i + (1 - BAR_SHARE) / 2) * plot.band;
              const barHeight = BAR_SHARE * plot.band;
              return (
                <RowBars
                  key={i}
                  row={row}
                  baseline={baseline}
                  x={plot.x}
                  y={compact ? barTop + barHeight * 0.45 : barTop}
                  height={compact ? barHeight * 0.55 : barHeight}
                />
              );
            })}
            <line
              x1={baselineX}
              x2={baselineX}
              y1={plot.top}
              y2={plot.bottom}
              stroke="var(--text)"
              strokeWidth={1.5}
            />
            <text
              x={baselineX + (baselineOnRight ? -5 : 5)}
              y={plot.top - 9}
              textAnchor={baselineOnRight ? 'end' : 'start'}
              fill="var(--text)"
              fontSize={12}
              fontWeight={600}
            >
              {baselineLabel}
            </text>
            {/* Labels last: in compact mode they cross the grid and the baseline, over a halo of the card's colour. */}
            <g
              fill={TICK_STYLE.fill}
              fontSize={TICK_STYLE.fontSize}
              {...(compact && { stroke: 'var(--surface)', strokeWidth: 3, paintOrder: 'stroke' })}
            >
              {rows.map((row, i) => (
                <RowLabel
                  key={i}
                  x={plot.left - TICK_MARK_PX - 2}
                  y={plot.middle(i)}
                  label={row.marked ? `◆ ${row.label}` : row.label}
                  maxChars={maxChars}
                  compact={compact}
                />
              ))}
            </g>
          </PlotSurface>
        )}
        {shownRow && plot && size && (
          <FloatingTooltip
            x={active.pointerX ?? plot.x(baseline)}
            y={plot.middle(active.index)}
            width={size.width}
            height={size.height}
            announce={active.pointerX === null}
          >
            <RowTooltip row={shownRow} lowName={lowName} highName={highName} />
          </FloatingTooltip>
        )}
      </div>
    </div>
  );
}
