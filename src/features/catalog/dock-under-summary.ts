import { useEffect } from 'react';
import type { RefObject } from 'react';

/** Where the editor goes over the page rather than beside it (catalog.css makes room from 1,400 px). */
const OVER_THE_PAGE = '(min-width: 900px) and (max-width: 1399.98px)';
/** Space between the summary's lower edge and the editor: none, so no line of the page shows cut between the two. */
const GAP_PX = 0;

/**
 * Keeps the model editor under the summary rather than over it, where the editor goes over the page: its top
 * follows the summary's lower edge as the page scrolls and the summary changes height, so the figures a price edit
 * moves stay in view beside it. Elsewhere (phones, where the editor is the whole screen, and wide screens, where
 * the page makes room) the stylesheet's top stands.
 */
export function useDockUnderSummary(panelRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const overThePage = window.matchMedia(OVER_THE_PAGE);
    const summaryResize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => schedule());
    let frame = 0;
    let shownTop: string | null = null;
    let observed: Element | null = null;
    const place = () => {
      frame = 0;
      const panel = panelRef.current;
      if (!panel) return;
      // Read each time: the summary's element changes as it loads and shows its figures; the new one is watched.
      const summary = document.querySelector('.summary');
      if (summary !== observed) {
        if (observed) summaryResize?.unobserve(observed);
        if (summary) summaryResize?.observe(summary);
        observed = summary;
      }
      const top =
        overThePage.matches && summary
          ? `${Math.max(0, summary.getBoundingClientRect().bottom + GAP_PX)}px`
          : '';
      if (top === shownTop) return;
      shownTop = top;
      panel.style.top = top;
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(place);
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    overThePage.addEventListener('change', schedule);
    place();
    return () => {
      cancelAnimationFrame(frame);
      summaryResize?.disconnect();
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      overThePage.removeEventListener('change', schedule);
    };
  }, [panelRef]);
}
