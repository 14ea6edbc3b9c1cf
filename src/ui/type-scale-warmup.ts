import { whenIdle } from './when-idle';

/** A font size (px) and weight the page's text is set in. */
export type TypeStyle = { sizePx: number; weight: string };

/**
 * A line with the characters the planner's figures and labels use, those outside common fonts included (the
 * minus sign, dashes, currency signs, arrows), so that finding a fallback font for them happens here too.
 */
const SPECIMEN = 'Aa Zz 0123456789 $€£¥ ,.:%()+−–—…±×≥≤·“”’ ▾▸↑↓✓';

/** Sizes in the style sheets in one of these units, as px (em sizes depend on where they are, so are left out). */
function toPx(size: string, rootPx: number): number | null {
  const match = /^([0-9.]+)(rem|px)$/.exec(size.trim());
  if (!match) return null;
  const value = Number(match[1]);
  return match[2] === 'rem' ? value * rootPx : value;
}

/**
 * Every font size and weight the page's style sheets set (rules within media queries only where they match),
 * with the root's size and the weights text takes without a rule (400, and 700 for headings and table heads):
 * each size at each weight, as a rule setting one may meet text whose other comes from elsewhere.
 */
export function findTypeStyles(doc: Document): TypeStyle[] {
  const view = doc.defaultView;
  const rootPx = Number.parseFloat(view?.getComputedStyle(doc.documentElement).fontSize ?? '') || 16;
  const sizes = new Set<number>([rootPx]);
  const weights = new Set<string>(['400', '700']);
  const visit = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if ('selectorText' in rule && 'style' in rule) {
        const style = (rule as CSSStyleRule).style;
        const px = style.fontSize ? toPx(style.fontSize, rootPx) : null;
        if (px !== null && px > 0) sizes.add(Math.round(px * 100) / 100);
        const weight = style.fontWeight;
        if (weight) weights.add(weight === 'bold' ? '700' : weight === 'normal' ? '400' : weight);
      } else if ('media' in rule && 'cssRules' in rule) {
        const media = (rule as CSSMediaRule).media.mediaText;
        if (view?.matchMedia?.(media).matches) visit((rule as CSSMediaRule).cssRules);
      }
    }
  };
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      visit(sheet.cssRules);
    } catch {
      // A style sheet from another origin keeps its rules to itself.
    }
  }
  return [...sizes].flatMap((sizePx) => [...weights].map((weight) => ({ sizePx, weight })));
}

/**
 * Sets a line of text in each of the page's type styles, one per idle moment, out of sight; calls `done` after
 * the last. Chromium makes a font instance the first time text is laid out at a size and weight (1–4 ms each),
 * so a screen's first layout paid for every style no screen before it had used: opening Optimise at real scale,
 * 6–15 ms of one frame. Made here, the screens find them ready. Returns the function that stops it.
 */
export function warmTypeStyles(doc: Document, done: () => void): () => void {
  const styles = findTypeStyles(doc);
  const specimen = doc.createElement('div');
  specimen.setAttribute('aria-hidden', 'true');
  specimen.dataset['typeSpecimen'] = '';
  specimen.style.cssText =
    'position:absolute;left:-10000px;top:0;width:1px;height:1px;overflow:hidden;visibility:hidden;' +
    'white-space:nowrap;pointer-events:none';
  doc.body.append(specimen);
  let cancel = () => undefined as void;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    const style = styles.shift();
    if (!style) {
      done();
      return;
    }
    const line = doc.createElement('span');
    line.style.fontSize = `${style.sizePx}px`;
    line.style.fontWeight = style.weight;
    line.textContent = SPECIMEN;
    specimen.append(line);
    // Laid out now, within this idle moment, not in the next frame's layout.
    line.getBoundingClientRect();
    cancel = whenIdle(next);
  };
  cancel = whenIdle(next);
  return () => {
    stopped = true;
    cancel();
  };
}
