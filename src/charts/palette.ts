/**
 * A colour-blind-safe palette (Okabe & Ito), in an order where neighbours stay distinguishable in every
 * common form of colour-vision deficiency. Series beyond its length repeat with a dash pattern.
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
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? '#0072B2';
}

/** A dash pattern for series past the palette's length, so repeated colours still differ. */
export function seriesDash(index: number): string | undefined {
  return index < SERIES_COLORS.length ? undefined : '6 3';
}
