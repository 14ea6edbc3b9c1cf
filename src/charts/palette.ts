/**
 * Series colours and line styles that keep twelve strategies apart. The first eight colours are Okabe & Ito's
 * colour-blind-safe set, in an order where neighbours stay distinguishable in every common form of
 * colour-vision deficiency; four of Paul Tol's colours follow. Each of the twelve also has its own dash
 * pattern, so that two strategies with the same figures, drawn one over the other, still both show (the later
 * one's gaps let the earlier one through), and a reader who cannot tell two colours apart can tell the lines.
 */
export const SERIES_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#8C6D1F',
  '#6B6B6B',
  '#AA4499',
  '#44AA99',
  '#117733',
  '#DDAA33',
];

/** Dash patterns (SVG `stroke-dasharray`), one per colour: solid first, then long, short and mixed dashes. */
export const SERIES_DASHES = [
  'none',
  '10 4',
  '3 3',
  '10 3 3 3',
  '16 4',
  '6 3',
  '2 5',
  '12 3 3 3 3 3',
  '8 2',
  '4 6',
  '14 3 6 3',
  '1 3',
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? '#0072B2';
}

/**
 * The dash pattern of the series at `index`: its own among the first twelve, and past them the pattern shifts
 * against the colour, so that the 13th series (the first colour again) is drawn with the second pattern.
 */
export function seriesDash(index: number): string | undefined {
  const round = Math.floor(index / SERIES_COLORS.length);
  const dash = SERIES_DASHES[(index + round) % SERIES_DASHES.length];
  return dash === 'none' ? undefined : dash;
}
