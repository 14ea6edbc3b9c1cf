/**
 * A chart on screen as a standalone image: an SVG document (the plot's SVG with its theme colours written in,
 * its HTML legend redrawn, the title above) and a PNG drawn from it.
 */

/** Presentation properties copied from the page's styles onto each SVG element, so the file needs no stylesheet. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Height of a line of the title, and the space below the title, px. */
const TITLE_LINE = 20;
const TITLE_GAP = 12;
const TITLE_FONT_PX = 16;
/** Space around the plot, px. */
const PADDING = 12;

export type ChartImage = { svgText: string; width: number; height: number };

/**
 * `text` in lines no wider than `maxWidth` (as `measure` gives a string's width), broken between words; a word
 * wider than a line has a line of its own.
 */
export function wrapWords(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measure(longer) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = longer;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A string's width in the title's font, px: measured on a canvas, or estimated where there is none. */
function titleMeasure(fontFamily: string): (text: string) => number {
  const context =
    typeof document === 'undefined' ? null : document.createElement('canvas').getContext?.('2d');
  if (!context) return (text) => text.length * TITLE_FONT_PX * 0.6;
  context.font = `600 ${TITLE_FONT_PX}px ${fontFamily}`;
  return (text) => context.measureText(text).width;
}

function isTransparent(color: string): boolean {
  return color === '' || color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);
}

/** The first opaque background at or above `element` (the chart frame's card), white when there is none. */
function findBackground(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (!isTransparent(color)) return color;
  }
  return '#ffffff';
}

/** A copy of `source` with every element's computed presentation written as attributes. */
function cloneWithStyles(source: SVGSVGElement): SVGSVGElement {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const target = copies[i];
    if (!target) return;
    const style = getComputedStyle(original);
    for (const property of STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value !== '') target.setAttribute(property, value);
    }
    target.removeAttribute('class');
    target.removeAttribute('style');
  });
  return copy;
}

function makeText(
  text: string,
  x: number,
  y: number,
  style: CSSStyleDeclaration,
  size?: string,
): SVGTextElement {
  const node = document.createElementNS(SVG_NS, 'text');
  node.textContent = text;
  node.setAttribute('x', String(x));
  node.setAttribute('y', String(y));
  node.setAttribute('fill', style.color);
  node.setAttribute('font-family', style.fontFamily);
  node.setAttribute('font-size', size ?? style.fontSize);
  node.setAttribute('dominant-baseline', 'middle');
  return node;
}

/** Legend entries drawn in HTML above a chart's plot: each swatch and its words. */
function drawLegends(plot: HTMLElement, into: SVGGElement, origin: DOMRect) {
  const items = plot.querySelectorAll<HTMLElement>('[data-chart-legend-item]');
  for (const item of items) {
    for (const part of item.querySelectorAll<HTMLElement | SVGSVGElement>('*')) {
      const rect = part.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const x = rect.left - origin.left;
      const y = rect.top - origin.top;
      if (part instanceof SVGSVGElement) {
        const icon = cloneWithStyles(part);
        icon.setAttribute('x', String(x));
        icon.setAttribute('y', String(y));
        into.append(icon);
        continue;
      }
      if (part.closest('svg')) continue;
      const style = getComputedStyle(part);
      if (!isTransparent(style.backgroundColor) && part.childElementCount === 0 && part.textContent === '') {
        const swatch = document.createElementNS(SVG_NS, 'rect');
        for (const [name, value] of [
          ['x', x],
          ['y', y],
          ['width', rect.width],
          ['height', rect.height],
        ] as const)
          swatch.setAttribute(name, String(value));
        swatch.setAttribute('fill', style.backgroundColor);
        into.append(swatch);
      } else if (part.childElementCount === 0 && (part.textContent ?? '').trim() !== '') {
        into.append(makeText((part.textContent ?? '').trim(), x, y + rect.height / 2, style));
      }
    }
  }
}

/**
 * The chart inside `plot` as an SVG document of the plot's size plus a title band: the chart's SVG surfaces at
 * their places, every colour resolved from the theme, the legend and `title` as SVG text, on the card's
 * background. Null when the plot holds no SVG (nothing drawn yet).
 */
export function buildChartImage(plot: HTMLElement, title: string): ChartImage | null {
  const surfaces = [...plot.querySelectorAll<SVGSVGElement>('svg[data-chart-surface]')].filter(
    (svg) => !svg.closest('[data-chart-legend-item]'),
  );
  if (surfaces.length === 0) return null;
  const origin = plot.getBoundingClientRect();
  const width = Math.ceil(origin.width) + PADDING * 2;
  const frameStyle = getComputedStyle(plot);
  const titleLines = wrapWords(title, width - PADDING * 2, titleMeasure(frameStyle.fontFamily));
  const titleBand = titleLines.length * TITLE_LINE + TITLE_GAP;
  const height = Math.ceil(origin.height) + titleBand + PADDING * 2;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', findBackground(plot));
  root.append(background);
  titleLines.forEach((line, i) => {
    const heading = makeText(
      line,
      PADDING,
      PADDING + (i + 0.5) * TITLE_LINE,
      frameStyle,
      `${TITLE_FONT_PX}px`,
    );
    heading.setAttribute('font-weight', '600');
    root.append(heading);
  });

  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(${PADDING} ${PADDING + titleBand})`);
  for (const surface of surfaces) {
    const rect = surface.getBoundingClientRect();
    const copy = cloneWithStyles(surface);
    copy.setAttribute('x', String(rect.left - origin.left));
    copy.setAttribute('y', String(rect.top - origin.top));
    copy.setAttribute('width', String(rect.width));
    copy.setAttribute('height', String(rect.height));
    body.append(copy);
  }
  drawLegends(plot, body, origin);
  root.append(body);
  return { svgText: new XMLSerializer().serializeToString(root), width, height };
}

/** The image drawn on a canvas at `scale` × its size (2: sharp on high-density screens and slides), as PNG. */
export async function renderChartPng(image: ChartImage, scale = 2): Promise<Blob> {
  const picture = new Image();
  picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svgText)}`;
  await picture.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.drawImage(picture, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
      'image/png',
    ),
  );
}
