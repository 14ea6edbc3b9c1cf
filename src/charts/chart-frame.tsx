import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { downloadBlob, makeFileName } from '../ui/download';
import { buildChartImage, renderChartPng } from './chart-image';
import { countChartRows, describeCell, formatChartTableTsv, resolveChartTable } from './chart-table';
import type { ChartTable, LazyChartTable } from './chart-table';

export type ChartFrameProps = {
  title: string;
  /** One or two sentences that say what the chart shows, for everyone (and as the chart's text alternative). */
  summary: string;
  /** The table behind the chart; a lazy one makes its rows only when they are shown or copied. */
  table: ChartTable | LazyChartTable;
  children: ReactNode;
  height?: number;
};

/**
 * Up to this many cells, a chart's table is in the page (hidden) even while not shown. Laid out hidden, the spend
 * breakdown's table of 200 slices over 60 months (12,000 cells) held the page 320 ms when Compare opened.
 */
const HIDDEN_TABLE_MAX_CELLS = 1000;

/**
 * Charts waiting to be drawn, one per task: a screen of charts drawn together would hold the page for all of
 * them (with recharts, some 80 ms each for 12 strategies over 60 months).
 */
const waitingCharts: (() => void)[] = [];
let drawingCharts = false;

/** Calls `draw` in a task of its own after the charts queued before it; returns the function that cancels it. */
function drawInTurn(draw: () => void): () => void {
  if (typeof MessageChannel === 'undefined') {
    draw();
    return () => undefined;
  }
  waitingCharts.push(draw);
  if (!drawingCharts) drawNextChart();
  return () => {
    const at = waitingCharts.indexOf(draw);
    if (at >= 0) waitingCharts.splice(at, 1);
  };
}

function drawNextChart() {
  drawingCharts = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    waitingCharts.shift()?.();
    if (waitingCharts.length > 0) drawNextChart();
    else drawingCharts = false;
  };
  channel.port2.postMessage(null);
}

/** How far ahead of the viewport a chart is drawn: half a screen above and below it. */
const DRAW_AHEAD = '50% 0px';

/**
 * Once `box` comes within `DRAW_AHEAD` of the viewport, calls `near` and then `draw` in its turn (`drawInTurn`), so
 * a chart further down the page costs nothing until it is scrolled to (Optimise's cost-against-quality chart
 * prepares 10,000 points); at once where the browser cannot tell. Returns the function that cancels it.
 */
function drawWhenNear(box: Element | null, near: () => void, draw: () => void): () => void {
  if (!box || typeof IntersectionObserver === 'undefined') {
    near();
    return drawInTurn(draw);
  }
  let cancelDraw = () => undefined as void;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      near();
      cancelDraw = drawInTurn(draw);
    },
    { rootMargin: DRAW_AHEAD },
  );
  observer.observe(box);
  return () => {
    observer.disconnect();
    cancelDraw();
  };
}

/**
 * A chart with its title, a text summary and the table behind it. The table is in the document for screen
 * readers (a table of more than `HIDDEN_TABLE_MAX_CELLS` cells only once shown: the summary is the text alternative
 * until then); "Show table" makes it visible. "PNG" and "SVG" save the chart as an image (title, plot and
 * legend, in the theme's colours); "Copy table" puts the table on the clipboard as tab-separated text. The
 * plot itself is drawn in a task of its own, once it nears the viewport (`drawWhenNear`).
 */
export function ChartFrame({ title, summary, table, children, height = 320 }: ChartFrameProps) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  // The plot is drawn in its turn, after the screen and the charts before it (its box keeps its height).
  // Out of view, not drawn; near it, waiting for its turn (busy); then drawn.
  const [plotState, setPlotState] = useState<'out of view' | 'waiting' | 'drawn'>('out of view');
  // flushSync: the chart is drawn, effects and all, within its own turn, not batched with the next one.
  useEffect(
    () =>
      drawWhenNear(
        plotRef.current,
        () => setPlotState('waiting'),
        () => flushSync(() => setPlotState('drawn')),
      ),
    [],
  );
  const isDrawn = plotState === 'drawn';
  const rowCount = countChartRows(table);
  const inPage = showTable || rowCount * table.columns.length <= HIDDEN_TABLE_MAX_CELLS;
  const shownTable = useMemo(() => (inPage ? resolveChartTable(table) : null), [inPage, table]);

  async function saveImage(kind: 'png' | 'svg') {
    const image = plotRef.current ? buildChartImage(plotRef.current, title) : null;
    if (!image) {
      setStatus({ text: 'The chart is not drawn yet: try again in a moment.', failed: true });
      return;
    }
    try {
      const blob =
        kind === 'svg' ? new Blob([image.svgText], { type: 'image/svg+xml' }) : await renderChartPng(image);
      downloadBlob(blob, makeFileName(title, `.${kind}`, 'chart'));
      setStatus({ text: `Saved “${title}” as ${kind.toUpperCase()}.`, failed: false });
    } catch (error) {
      setStatus({ text: `The ${kind.toUpperCase()} could not be made: ${String(error)}`, failed: true });
    }
  }

  async function copyTable() {
    try {
      await navigator.clipboard.writeText(formatChartTableTsv(shownTable ?? resolveChartTable(table)));
      setStatus({
        text: `Copied the table (${table.columns.length} columns, ${rowCount} row${rowCount === 1 ? '' : 's'}): paste it into a spreadsheet.`,
        failed: false,
      });
    } catch {
      setStatus({
        text: 'The browser refused the clipboard: use “Show table” and copy it by hand.',
        failed: true,
      });
    }
  }
  return (
    <figure className="chart-frame" aria-labelledby={`${id}-title`}>
      <div className="chart-frame__head">
        <h3 id={`${id}-title`} className="chart-frame__title">
          {title}
        </h3>
        <div className="chart-frame__actions" role="group" aria-label={`${title}: save or copy`}>
          <button type="button" className="button button--quiet" onClick={() => void saveImage('png')}>
            PNG
          </button>
          <button type="button" className="button button--quiet" onClick={() => void saveImage('svg')}>
            SVG
          </button>
          <button type="button" className="button button--quiet" onClick={() => void copyTable()}>
            Copy table
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-expanded={showTable}
            aria-controls={`${id}-table`}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? 'Hide table' : 'Show table'}
          </button>
        </div>
      </div>
      <p
        className={status?.failed ? 'chart-frame__status field__error' : 'chart-frame__status'}
        aria-live="polite"
      >
        {status?.text}
      </p>
      <p className="chart-frame__summary">{summary}</p>
      {/* The plot is keyboard-explorable (the arrow keys step through it); the table below carries the data. */}
      <div
        ref={plotRef}
        className="chart-frame__plot"
        style={{ height }}
        role="group"
        aria-label={`${title}: chart`}
        aria-busy={plotState === 'waiting'}
      >
        {isDrawn ? children : null}
      </div>
      <div id={`${id}-table`} className={showTable ? 'chart-frame__table' : 'visually-hidden'}>
        {/* A long table (thousands of models) is put in the page only when asked for: the summary above stays the
            chart's text alternative, and the page does not lay out tens of thousands of hidden cells. */}
        {shownTable ? (
          <table className="data-table">
            <caption className="visually-hidden">{title}: data</caption>
            <thead>
              <tr>
                {shownTable.columns.map((column, c) => (
                  <th key={c} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shownTable.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {describeCell(cell)}
                      </th>
                    ) : (
                      <td key={c}>{describeCell(cell)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </figure>
  );
}
