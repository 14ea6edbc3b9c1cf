import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Slice } from '../../domain/scenario-schema';
import { describeSteepGrowth, formatNumber } from '../../format/format';
import { formatFieldNumber } from '../../format/parse-number';
import { describeFractionPercents, readPastedRows } from '../../io/traffic-rows';
import type { PasteColumn, PastedRow } from '../../io/traffic-rows';
import { RowLimitToggle, useRowLimit } from '../../ui/row-limit';

/** Rows shown in the preview until the user asks for all of them. */
const PREVIEWED_ROWS = 100;

/** True for the columns of numbers (every one but the name and the id), aligned right. */
function isNumberColumn(column: PasteColumn): boolean {
  return column.key !== 'name' && column.key !== 'id';
}

/**
 * What a preview cell shows: the value read, as the Traffic mix will show it (a percentage with every digit: 0.05%,
 * not 0.1%), or the text pasted when the row is refused.
 */
function showCell(row: PastedRow, column: PasteColumn, index: number): string {
  if (!row.ok) return row.cells[index] ?? '';
  const value = row.slice[column.key];
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return '';
  return column.percent ? `${formatFieldNumber(value * 100)}%` : formatNumber(value);
}

/** A pasted row's check: ready, or its messages. */
function CheckCell({ row }: { row: PastedRow }) {
  const steep = row.ok ? describeSteepGrowth(row.slice.monthlyGrowth) : null;
  return (
    <td>
      {row.ok ? (
        <>
          <span className="paste-rows__ok">Ready</span>
          {steep && <span className="paste-rows__remark">{steep}</span>}
        </>
      ) : (
        <span className="paste-rows__errors">{row.errors.join('; ')}</span>
      )}
    </td>
  );
}

/**
 * Rows pasted from a spreadsheet, previewed before they join the Traffic mix: each row's slice, or its messages
 * naming the column. Only rows without a message are added, in one undo step.
 */
export function PasteRows({
  takenIds,
  defaults,
  onAdd,
  onClose,
}: {
  takenIds: readonly string[];
  defaults: Slice;
  /** Adds the slices; returns the store's refusal, if any. */
  onAdd: (slices: Slice[]) => string | null;
  onClose: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  // Opened to paste into: the box has focus, so Ctrl+V goes straight in.
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);
  const { pasted, fractionNotes } = useMemo(() => {
    if (text.trim() === '') return { pasted: null, fractionNotes: [] };
    const read = readPastedRows(text, takenIds, defaults);
    return { pasted: read, fractionNotes: describeFractionPercents(read) };
  }, [text, takenIds, defaults]);
  const good = pasted?.rows.flatMap((row) => (row.ok ? [row.slice] : [])) ?? [];
  const badCount = (pasted?.rows.length ?? 0) - good.length;
  const previewLimit = useRowLimit(pasted?.rows.length ?? 0, PREVIEWED_ROWS);
  // The columns pasted: those the header names, or (without one) as many as the longest row fills.
  const widest = Math.max(0, ...(pasted?.rows.map((row) => row.cells.length) ?? []));
  const columns = pasted ? (pasted.hasHeader ? pasted.columns : pasted.columns.slice(0, widest)) : [];
  // Each row's check follows its name, so that on a narrow screen the reason a row is left out is in view.
  const hasName = columns.some((column) => column.key === 'name');

  function add() {
    const refused = onAdd(good);
    setRefusal(refused);
    if (!refused) onClose();
  }

  return (
    <section className="paste-rows card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Paste rows from a spreadsheet</h3>
      <div className="field">
        <label htmlFor={`${id}-text`} className="field__label">
          Rows (tab-separated, as a spreadsheet copies them)
        </label>
        <textarea
          id={`${id}-text`}
          ref={textRef}
          rows={5}
          value={text}
          spellCheck={false}
          aria-describedby={`${id}-help`}
          onChange={(event) => {
            setText(event.target.value);
            setRefusal(null);
          }}
          // After a paste the box shows its first lines (the header naming the columns), not its last.
          onPaste={(event) => {
            const box = event.currentTarget;
            requestAnimationFrame(() => {
              box.scrollTop = 0;
            });
          }}
        />
        <span id={`${id}-help`} className="field__hint">
          With a header row naming the columns (Name, Requests, Input, Output, Cached prefix, Cache hits,
          Batched, Quality bar, Reasoning, Growth, Id) in any order, or without one in that order. Numbers as
          a spreadsheet shows them (1,200,000, $2M, 150k); percentages as 25 or 25%. Columns left out take a
          new slice’s values.
        </span>
      </div>
      {pasted?.problem && (
        <p className="field__error" role="alert">
          {pasted.problem}
        </p>
      )}
      {fractionNotes.length > 0 && (
        <div className="notice notice--info paste-rows__notes" role="status">
          {fractionNotes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
      {pasted && pasted.rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table paste-rows__preview" aria-label="Pasted rows" id={`${id}-preview`}>
            <thead>
              <tr>
                <th scope="col">Row</th>
                {columns.map((column) => (
                  <Fragment key={column.key}>
                    <th scope="col" className={isNumberColumn(column) ? 'num' : undefined}>
                      {column.title}
                    </th>
                    {column.key === 'name' && <th scope="col">Check</th>}
                  </Fragment>
                ))}
                {!hasName && <th scope="col">Check</th>}
              </tr>
            </thead>
            <tbody>
              {pasted.rows.slice(0, previewLimit.count).map((row) => (
                <tr key={row.line} className={row.ok ? undefined : 'is-invalid'}>
                  <td>{row.line}</td>
                  {columns.map((column, index) =>
                    column.key === 'name' ? (
                      <Fragment key={column.key}>
                        <th scope="row">{showCell(row, column, index)}</th>
                        <CheckCell row={row} />
                      </Fragment>
                    ) : (
                      <td key={column.key} className={isNumberColumn(column) ? 'num' : undefined}>
                        {showCell(row, column, index)}
                      </td>
                    ),
                  )}
                  {!hasName && <CheckCell row={row} />}
                </tr>
              ))}
            </tbody>
          </table>
          <RowLimitToggle limit={previewLimit} what="rows" tableId={`${id}-preview`} />
        </div>
      )}
      {refusal && (
        <p className="field__error" role="alert">
          Could not add the rows: {refusal}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="button button--primary" disabled={good.length === 0} onClick={add}>
          {good.length === 1 ? 'Add 1 slice' : `Add ${formatNumber(good.length)} slices`}
        </button>
        {badCount > 0 && (
          <span className="muted">
            {badCount === 1 ? '1 row has' : `${formatNumber(badCount)} rows have`} a problem and will be left
            out
          </span>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </section>
  );
}
