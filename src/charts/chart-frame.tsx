import { useId, useState } from 'react';
import type { ReactNode } from 'react';

export type ChartTable = { columns: string[]; rows: (string | number)[][] };

export type ChartFrameProps = {
  title: string;
  /** One or two sentences that say what the chart shows, for everyone (and as the chart's text alternative). */
  summary: string;
  table: ChartTable;
  children: ReactNode;
  height?: number;
};

/**
 * A chart with its title, a text summary and the table behind it. The table is always in the document for
 * screen readers; "Show table" makes it visible.
 */
export function ChartFrame({ title, summary, table, children, height = 320 }: ChartFrameProps) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <figure className="chart-frame" aria-labelledby={`${id}-title`}>
      <div className="chart-frame__head">
        <h3 id={`${id}-title`} className="chart-frame__title">
          {title}
        </h3>
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
      <p className="chart-frame__summary">{summary}</p>
      {/* The plot is keyboard-explorable (recharts' accessibility layer); the table below carries the data. */}
      <div className="chart-frame__plot" style={{ height }} role="group" aria-label={`${title}: chart`}>
        {children}
      </div>
      <div id={`${id}-table`} className={showTable ? 'chart-frame__table' : 'visually-hidden'}>
        <table className="data-table">
          <caption className="visually-hidden">{title}: data</caption>
          <thead>
            <tr>
              {table.columns.map((column, c) => (
                <th key={c} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={c}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
