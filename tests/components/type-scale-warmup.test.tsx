import { afterEach, describe, expect, it, vi } from 'vitest';
import { findTypeStyles, warmTypeStyles } from '../../src/ui/type-scale-warmup';

function addStyles(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return style;
}

afterEach(() => {
  document.head.querySelectorAll('style').forEach((style) => style.remove());
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('findTypeStyles', () => {
  it('takes every size and weight the style sheets set, in px, with the root size and plain and bold', () => {
    addStyles(`
      :root { font-size: 15px; }
      .note { font-size: 0.8rem; }
      .title { font-size: 20px; font-weight: 600; }
      .inline { font-size: 0.9em; }
      @media print { .printed { font-size: 8pt; font-weight: 800; } }
    `);
    const styles = findTypeStyles(document);
    const sizes = [...new Set(styles.map((style) => style.sizePx))].sort((a, b) => a - b);
    const weights = [...new Set(styles.map((style) => style.weight))].sort();
    // 0.8rem at a 15 px root is 12 px; em sizes depend on where they are, and print rules do not apply on screen.
    expect(sizes).toEqual([12, 15, 20]);
    expect(weights).toEqual(['400', '600', '700']);
    // Each size at each weight.
    expect(styles).toHaveLength(9);
  });
});

describe('warmTypeStyles', () => {
  it('sets a hidden line in each style, one per idle moment, then says it is done', () => {
    vi.useFakeTimers();
    addStyles(':root { font-size: 15px; } .title { font-size: 20px; }');
    const done = vi.fn();
    warmTypeStyles(document, done);
    const specimen = document.querySelector('[data-type-specimen]')!;
    expect(specimen).toHaveAttribute('aria-hidden', 'true');
    expect(specimen.children).toHaveLength(0);
    // Two sizes at two weights: four lines, one per idle moment, then done.
    vi.advanceTimersByTime(200);
    expect(specimen.children).toHaveLength(1);
    vi.advanceTimersByTime(3 * 200);
    expect(specimen.children).toHaveLength(4);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(done).toHaveBeenCalledOnce();
    const lines = [...specimen.children] as HTMLElement[];
    expect(lines.map((line) => `${line.style.fontSize} ${line.style.fontWeight}`).sort()).toEqual([
      '15px 400',
      '15px 700',
      '20px 400',
      '20px 700',
    ]);
  });

  it('stops when asked', () => {
    vi.useFakeTimers();
    addStyles(':root { font-size: 15px; }');
    const done = vi.fn();
    const stop = warmTypeStyles(document, done);
    vi.advanceTimersByTime(200);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(document.querySelector('[data-type-specimen]')!.children).toHaveLength(1);
    expect(done).not.toHaveBeenCalled();
  });
});
