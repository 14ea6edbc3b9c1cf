import { afterAll, beforeAll } from 'vitest';

/**
 * jsdom lays nothing out: for the tests of the file that calls this, every observed element is reported
 * `width` × `height` px, as a browser's ResizeObserver would report a chart's plot.
 */
export function reportElementSize(width: number, height: number) {
  class ReportingObserver {
    constructor(private readonly report: ResizeObserverCallback) {}
    observe() {
      this.report(
        [{ contentRect: { width, height } } as ResizeObserverEntry],
        this as unknown as ResizeObserver,
      );
    }
    unobserve() {}
    disconnect() {}
  }
  const jsdomObserver = globalThis.ResizeObserver;
  beforeAll(() => {
    globalThis.ResizeObserver = ReportingObserver as unknown as typeof ResizeObserver;
  });
  afterAll(() => {
    globalThis.ResizeObserver = jsdomObserver;
  });
}
