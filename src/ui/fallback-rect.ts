/**
 * A virtualised list's size where the page has laid nothing out (a hidden panel, jsdom in tests): the browser
 * reports a height of 0, and the list would draw every row. Wraps a size observer (TanStack Virtual's
 * `observeElementRect`) so a height of 0 reads as the list's CSS height instead.
 */
type Rect = { width: number; height: number };
type RectObserver<I> = (instance: I, callback: (rect: Rect) => void) => (() => void) | undefined;

export function observeWithFallbackHeight<I>(observe: RectObserver<I>, fallbackPx: number): RectObserver<I> {
  return (instance, callback) =>
    observe(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: fallbackPx }));
}
