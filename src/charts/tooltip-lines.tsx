import type { ReactNode } from 'react';

/** One line of a chart's tooltip: a name, its value as text, and its series' colour (none: no swatch). */
export type TooltipLine = { name: string; text: string; color?: string | undefined };

/**
 * A chart tooltip's content, the same in every chart: its title, then a line per item with the series' swatch,
 * the name in the text colour (readable on both themes whatever the series colour) and the value.
 */
export function TooltipLines({ label, lines }: { label: ReactNode; lines: readonly TooltipLine[] }) {
  return (
    <>
      <p className="chart-tooltip__label">{label}</p>
      <ul className="chart-tooltip__list">
        {lines.map((line, index) => (
          <li key={index} className="chart-tooltip__item">
            {line.color === undefined ? (
              <span aria-hidden="true" />
            ) : (
              <span className="chart-tooltip__swatch" style={{ background: line.color }} aria-hidden="true" />
            )}
            <span className="chart-tooltip__name">{line.name}</span>
            <span className="chart-tooltip__value">{line.text}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
