import { useLayoutEffect, useRef, useState } from 'react';

export type ElementSize = { width: number; height: number };

/**
 * The size of the element `ref` is put on, following resizes; null until it is measured. The size comes from a
 * ResizeObserver, whose first report arrives after the browser's own layout: reading `clientWidth` here would
 * force a layout of the whole page in the middle of a render (15 ms on a large screen). Without ResizeObserver
 * the element is read once.
 */
export function useElementSize<T extends HTMLElement = HTMLDivElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<ElementSize | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (width: number, height: number) =>
      setSize((old) =>
        width > 0 && (old?.width !== width || old.height !== height) ? { width, height } : old,
      );
    if (typeof ResizeObserver === 'undefined') {
      measure(element.clientWidth, element.clientHeight);
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (rect) measure(rect.width, rect.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, size };
}
