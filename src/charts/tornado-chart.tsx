import type { TooltipContentProps } from 'recharts';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BarShapeProps, YAxisTickContentProps } from 'recharts';
import { AXIS_STROKE, TICK_STYLE, buildRangeTicks } from './chart-series';
import { seriesColor } from './palette';
import { useElementSize } from './use-element-size';
import './charts.css';
import './tornado-chart.css';

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
  /** Short tick text for the value axis. */
  formatTick: (value: number) => string;
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
const BAR_KEY = 'range';
/** Average width of a 12 px tick character, px, for fitting labels to the label column. */
const CHAR_PX = 7;
/** Below this width the labels go above their bars instead of beside them. */
const COMPACT_WIDTH_PX = 560;
const MARGIN = { top: 26, right: 16, bottom: 4, left: 4 } as const;

type PlotRow = TornadoRow & { name: string; [BAR_KEY]: [number, number] };

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

/** A row label: right-aligned beside its bar (up to two lines), or in compact mode one line above it. */
function TornadoTick({
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
      <text
        x={MARGIN.left}
        y={y - 5}
        textAnchor="start"
        fill={TICK_STYLE.fill}
        fontSize={TICK_STYLE.fontSize}
      >
        <title>{label}</title>
        {lines[0]}
      </text>
    );
  }
  const firstDy = lines.length === 1 ? 4 : -3;
  return (
    <text x={x} y={y} textAnchor="end" fill={TICK_STYLE.fill} fontSize={TICK_STYLE.fontSize}>
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
 * Two bars from the baseline: to the outcome at the input's low value and to the outcome at its high value.
 * The bar spans [smallest, largest] of baseline and both outcomes; pixels per unit come from its own width.
 * The longer of the two is drawn first so a shorter one on the same side stays visible.
 */
function TornadoBarShape(props: BarShapeProps & { baseline: number; compact: boolean }) {
  const row = props.payload as PlotRow | undefined;
  if (!row) return null;
  const [min, max] = row[BAR_KEY];
  const left = Math.min(props.x, props.x + props.width);
  const right = Math.max(props.x, props.x + props.width);
  if (!(max > min) || !(right > left)) return null;
  const toPx = (value: number) => left + ((value - min) / (max - min)) * (right - left);
  const base = toPx(props.baseline);
  const pieces = [
    { key: 'low', to: toPx(row.lowOutcome), fill: LOW_COLOR },
    { key: 'high', to: toPx(row.highOutcome), fill: HIGH_COLOR },
  ].sort((a, b) => Math.abs(b.to - base) - Math.abs(a.to - base));
  // In compact mode the label sits above the bar, in the upper part of the band.
  const y = props.compact ? props.y + props.height * 0.45 : props.y;
  const height = props.compact ? props.height * 0.55 : props.height;
  return (
    <g>
      {pieces.map((piece) => {
        const width = Math.abs(piece.to - base);
        if (width < 1e-6) return null;
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

function TornadoTooltip({
  active,
  payload,
  lowName,
  highName,
}: TooltipContentProps & { lowName: string; highName: string }) {
  const row = payload?.[0]?.payload as PlotRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{row.label}</p>
      <ul className="chart-tooltip__list">
        {[
          { name: lowName, text: row.lowText, color: LOW_COLOR },
          { name: highName, text: row.highText, color: HIGH_COLOR },
        ].map((item) => (
          <li key={item.name} className="chart-tooltip__item">
            <span className="chart-tooltip__swatch" style={{ background: item.color }} aria-hidden="true" />
            <span className="chart-tooltip__name">{item.name}</span>
            <span className="chart-tooltip__value">{item.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A tornado chart: one row per input, largest swing on top, with a bar from the baseline to the outcome at
 * the input's low value and one to the outcome at its high value, in two colour-blind-safe colours.
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
  const width = size?.width ?? null;
  const compact = width !== null && width < COMPACT_WIDTH_PX;
  // Beside the bars, labels get about 40 % of the width, at most 300 px; above them, the whole width.
  const labelWidth = compact ? 1 : Math.round(Math.min(300, (width ?? 800) * 0.4));
  const maxChars = Math.floor(((compact ? (width ?? 0) : labelWidth) - 12) / CHAR_PX);
  const data: PlotRow[] = rows.map((row) => ({
    ...row,
    name: row.marked ? `◆ ${row.label}` : row.label,
    [BAR_KEY]: [
      Math.min(baseline, row.lowOutcome, row.highOutcome),
      Math.max(baseline, row.lowOutcome, row.highOutcome),
    ],
  }));
  const values = data.flatMap((row) => row[BAR_KEY]);
  const { domain, ticks } = buildRangeTicks(Math.min(baseline, ...values), Math.max(baseline, ...values));
  const anyMarked = rows.some((row) => row.marked);

  return (
    <div className="tornado-chart" ref={ref}>
      <ul className="tornado-chart__legend">
        <li data-chart-legend-item>
          <span className="tornado-chart__swatch" style={{ background: LOW_COLOR }} />
          <span>{lowName}</span>
        </li>
        <li data-chart-legend-item>
          <span className="tornado-chart__swatch" style={{ background: HIGH_COLOR }} />
          <span>{highName}</span>
        </li>
        {anyMarked && (
          <li data-chart-legend-item>
            <span>◆ {markedName}</span>
          </li>
        )}
      </ul>
      <div className="tornado-chart__plot">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={MARGIN} barCategoryGap="25%">
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              domain={domain}
              ticks={ticks}
              tickFormatter={formatTick}
              tick={TICK_STYLE}
              stroke={AXIS_STROKE}
              allowDataOverflow
            />
            <YAxis
              type="category"
              dataKey="name"
              width={labelWidth}
              interval={0}
              tickLine={!compact}
              tick={(tick: YAxisTickContentProps) => (
                <TornadoTick
                  x={Number(tick.x)}
                  y={Number(tick.y)}
                  label={String(tick.payload.value)}
                  maxChars={maxChars}
                  compact={compact}
                />
              )}
              stroke={AXIS_STROKE}
            />
            <Tooltip
              content={(props) => <TornadoTooltip {...props} lowName={lowName} highName={highName} />}
              cursor={{ fill: 'var(--surface-2)' }}
            />
            <Bar
              dataKey={BAR_KEY}
              isAnimationActive={false}
              shape={(props: BarShapeProps) => (
                <TornadoBarShape {...props} baseline={baseline} compact={compact} />
              )}
            />
            <ReferenceLine
              x={baseline}
              stroke="var(--text)"
              strokeWidth={1.5}
              label={{
                value: baselineLabel,
                // Right of the middle the label reads leftwards from the line, so it stays inside the chart.
                position: baseline > (domain[0] + domain[1]) / 2 ? 'insideTopRight' : 'insideTopLeft',
                dy: -22,
                fill: 'var(--text)',
                fontSize: 12,
                fontWeight: 600,
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
