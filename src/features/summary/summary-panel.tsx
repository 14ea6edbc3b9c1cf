import { PHONE_QUERY, useMediaQuery } from '../../ui/media-query';
import { memo, useEffect, useRef, useState } from 'react';
import { ConstraintBadges } from '../../ui/constraint-badges';
import { useShallow } from 'zustand/react/shallow';
import { savingsVsDearest } from '../../domain/strategy-figures';
import { selectBrokenConstraints, selectCheapestStrategy, selectPlan } from '../../state/selectors';
import { useFiguresScenario } from '../../state/figures';
import type { Scenario } from '../../domain/scenario-schema';
import { PlanIssues } from '../../ui/plan-issues';
import { usePlannerStore } from '../../state/scenario-store';
import { describeMoneyDisplay, formatMonth, formatMonths } from '../../format/format';
import {
  describeCreditsEnd,
  describeExpiredCredits,
  describeFirstYear,
  describeRunwayWords,
} from '../../format/outcome-text';
import type { RunwayWords } from '../../format/outcome-text';
import { CheapestLine } from '../../ui/cheapest-line';
import { Money, useMoneyDisplay } from '../../ui/money';
import { TableScroll } from '../../ui/table-scroll';
import { SCENARIO_SETTINGS_FRAGMENT } from '../../ui/scenario-settings-address';

let firstNumbersMarked = false;

/** Marks the moment the first figures are on screen, for `npm run bench` (a User Timing mark). */
function markFirstNumbers() {
  if (firstNumbersMarked || typeof performance === 'undefined' || !performance.mark) return;
  firstNumbersMarked = true;
  performance.mark('planner:first-numbers');
}

/**
 * The answer, always in view: for each strategy, this month's spend, the first year's, what it saves against
 * the dearest strategy, when credits run out and how long cash lasts.
 */
export function SummaryPanel() {
  // The figures follow the scenario a moment behind an edit: the edited field is drawn first, and the summary
  // is worked out in a render React may put after it (on a large scenario that is the engine's whole run).
  const scenario = useFiguresScenario();
  const plan = selectPlan(scenario);
  if (!plan.ok) {
    const { issues } = plan;
    return (
      <section className="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <PlanIssues issues={issues} />
      </section>
    );
  }
  return <SummaryFigures scenario={scenario} />;
}

/**
 * Keeps `--summary-height` on the page's root at the pinned summary's height, so that the page's scroll padding
 * (styles.css) keeps a focused field out from under it (WCAG 2.4.11, focus not obscured).
 */
function usePinnedHeight() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const update = () => {
      const pinned = getComputedStyle(element).position === 'sticky';
      root.style.setProperty('--summary-height', pinned ? `${element.offsetHeight}px` : '0px');
    };
    const observer = new ResizeObserver(update);
    observer.observe(element);
    update();
    return () => {
      observer.disconnect();
      root.style.removeProperty('--summary-height');
    };
  }, []);
  return ref;
}

/** Whether a row of the summary's table lies below its scroll box: more than half of it out of view. */
function liesBelow(row: HTMLElement, box: HTMLElement): boolean {
  return row.offsetTop + row.offsetHeight / 2 > box.scrollTop + box.clientHeight;
}

/** Is more than half the row scrolled up under the box's sticky header (`headHeight` px)? */
function liesAbove(row: HTMLElement, box: HTMLElement, headHeight: number): boolean {
  return row.offsetTop + row.offsetHeight / 2 < box.scrollTop + headHeight;
}

/**
 * The summary's rows out of its scroll box: how many below, whether the cheapest strategy is one of them, and
 * how many scrolled up above.
 */
type RowsBelow = { count: number; cheapest: boolean; above: number };
const NONE_BELOW: RowsBelow = { count: 0, cheapest: false, above: 0 };

/** The most of the screen's height the summary's rows take (styles.css falls back to the same 24vh). */
const ROWS_SHARE_OF_SCREEN = 0.24;

/**
 * How many of the summary table's rows lie below the bottom of its scroll box (0 when every row shows), and
 * whether the cheapest is among them, kept up to date as the box scrolls or changes size. The box ends on a row's
 * edge: its height is the rows that fit in a quarter of the screen, whole (`--summary-rows-height`), and it
 * scrolls a row at a time, each stopping under the header (`--summary-head-height`, styles.css), so no row shows
 * cut in half.
 */
function useRowsBelow(shown: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [below, setBelow] = useState<RowsBelow>(NONE_BELOW);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const fitWholeRows = () => {
      const table = box.querySelector('table');
      const cap = window.innerHeight * ROWS_SHARE_OF_SCREEN;
      if (!table || table.offsetHeight <= cap) {
        box.style.removeProperty('--summary-rows-height');
        return;
      }
      const head = box.querySelector<HTMLElement>('thead');
      box.style.setProperty('--summary-head-height', `${head?.offsetHeight ?? 0}px`);
      // The header and at least one strategy's row, however tall, then the rows that fit under the cap.
      let fits = 0;
      let rows = 0;
      for (const row of box.querySelectorAll<HTMLElement>('thead > tr, tbody > tr')) {
        const bottom = row.offsetTop + row.offsetHeight;
        if (bottom > cap && rows > 1) break;
        fits = bottom;
        rows++;
      }
      box.style.setProperty('--summary-rows-height', `${fits}px`);
    };
    const count = () => {
      let count = 0;
      let cheapest = false;
      let above = 0;
      const headHeight = box.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0;
      for (const row of box.querySelectorAll<HTMLElement>('tbody > tr')) {
        if (liesAbove(row, box, headHeight)) above++;
        if (!liesBelow(row, box)) continue;
        count++;
        cheapest ||= row.classList.contains('is-cheapest');
      }
      setBelow((old) =>
        old.count === count && old.cheapest === cheapest && old.above === above
          ? old
          : { count, cheapest, above },
      );
    };
    const resize = () => {
      fitWholeRows();
      count();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(box);
    const table = box.querySelector('table');
    if (table) observer.observe(table);
    window.addEventListener('resize', resize);
    box.addEventListener('scroll', count, { passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', resize);
      box.removeEventListener('scroll', count);
    };
  }, [shown]);
  // To the cheapest strategy when it is below (its row first under the header), else to the last rows.
  const showRest = () => {
    const box = ref.current;
    if (!box) return;
    const cheapest = box.querySelector<HTMLElement>('tbody > tr.is-cheapest');
    const head = box.querySelector<HTMLElement>('thead');
    const top =
      cheapest && liesBelow(cheapest, box)
        ? cheapest.offsetTop - (head?.offsetHeight ?? 0)
        : box.scrollHeight;
    box.scrollTo({ top, behavior: 'smooth' });
  };
  const showTop = () => ref.current?.scrollTo({ top: 0, behavior: 'smooth' });
  return { ref, below, showRest, showTop };
}

/** The "more below" button's name: "3 more strategies below, the cheapest among them: scroll to the cheapest". */
function describeRowsBelow({ count, cheapest }: RowsBelow): string {
  const rows = count === 1 ? 'strategy' : 'strategies';
  const among = cheapest ? (count === 1 ? ', the cheapest' : ', the cheapest among them') : '';
  const to = cheapest && count > 1 ? 'the cheapest' : count === 1 ? 'it' : 'them';
  return `${count} more ${rows} below${among}: scroll to ${to}`;
}

const SummaryFigures = memo(function SummaryFigures({ scenario }: { scenario: Scenario }) {
  const display = useMoneyDisplay();
  useEffect(markFirstNumbers, []);
  const pinnedRef = usePinnedHeight();
  const plan = selectPlan(scenario);
  if (!plan.ok) throw new Error('the summary has no figures to show');
  const result = plan.value.result;
  const { focusId, setFocus, hiddenIds, setHidden, collapsedChoice, setCollapsed } = usePlannerStore(
    useShallow((s) => ({
      focusId: s.focusStrategyId,
      setFocus: s.setFocusStrategy,
      hiddenIds: s.hiddenStrategyIds,
      setHidden: s.setStrategyHidden,
      collapsedChoice: s.isSummaryCollapsed,
      setCollapsed: s.setSummaryCollapsed,
    })),
  );
  // Until the user chooses, folded on a phone (the open Summary is a card per strategy, before the tabs).
  const isPhone = useMediaQuery(PHONE_QUERY);
  const isCollapsed = collapsedChoice ?? isPhone;
  const cheapest = selectCheapestStrategy(scenario);
  const firstYearLabel = describeFirstYear(scenario);
  const firstMonth = formatMonth(0, scenario.startMonth);
  const constraintsByStrategy = selectBrokenConstraints(scenario);
  const {
    ref: rowsRef,
    below: rowsBelow,
    showRest,
    showTop,
  } = useRowsBelow(!isCollapsed && result.strategies.length > 0);

  if (result.strategies.length === 0) {
    return (
      <section className="summary" aria-labelledby="summary-title" ref={pinnedRef}>
        <h2 id="summary-title">Summary</h2>
        <p>Add a strategy to see what it costs.</p>
      </section>
    );
  }

  const hidden = new Set(hiddenIds);
  const shown = result.strategies.filter((strategy) => !hidden.has(strategy.id));
  // "Saves vs dearest" measures against the dearest strategy shown: a hidden one is no longer the reference.
  const shownResult = { ...result, strategies: shown };
  const hiddenStrategies = result.strategies.filter((strategy) => hidden.has(strategy.id));
  const toggleId = 'summary-body';
  return (
    <section
      className={`summary${isCollapsed ? ' summary--collapsed' : ''}`}
      aria-labelledby="summary-title"
      ref={pinnedRef}
    >
      <div className="summary__head">
        <h2 id="summary-title">Summary</h2>
        {isCollapsed ? (
          <p className="summary__line" data-testid="summary-line">
            <CheapestLine cheapest={cheapest} scenario={scenario} />
            {display.currency !== 'USD' && (
              <>
                {' '}
                · <span data-testid="money-display">Money in {describeMoneyDisplay(display)}</span>
              </>
            )}
          </p>
        ) : (
          <p className="summary__context">
            AI spend per routing strategy, from {firstMonth} over {formatMonths(scenario.horizonMonths)}.{' '}
            <span data-testid="money-display">
              Money in <strong>{describeMoneyDisplay(display)}</strong>
              {display.currency === 'USD' ? '' : ' (computed in USD)'}
            </span>
            . <a href={SCENARIO_SETTINGS_FRAGMENT}>Change the period or currency</a>. Select a row to focus
            the charts on it.
          </p>
        )}
        <button
          type="button"
          className="button button--quiet button--small summary__toggle"
          aria-expanded={!isCollapsed}
          aria-controls={isCollapsed ? undefined : toggleId}
          onClick={() => setCollapsed(!isCollapsed)}
        >
          {isCollapsed ? 'Show summary table' : 'Collapse to one line'}
        </button>
      </div>
      {!isCollapsed && (
        <div id={toggleId}>
          <TableScroll label="Summary table" className="summary__scroll" ref={rowsRef}>
            <table className="data-table summary__table" data-testid="summary-table">
              <thead>
                <tr>
                  <th scope="col">Strategy</th>
                  <th scope="col" className="num">
                    First month <span className="th-sub">{firstMonth}</span>
                  </th>
                  <th scope="col" className="num">
                    {firstYearLabel}
                  </th>
                  <th scope="col" className="num">
                    Saves vs dearest <span className="th-sub">{firstYearLabel.replace(' spend', '')}</span>
                  </th>
                  <th scope="col">Credits run out</th>
                  <th scope="col">Cash runway</th>
                  <th scope="col" className="summary__last-head">
                    <span className="visually-hidden">Hide</span>
                    {rowsBelow.count === 0 && rowsBelow.above > 0 && (
                      <button
                        type="button"
                        className="link-button summary__more"
                        onClick={showTop}
                        aria-label={`${rowsBelow.above} more ${rowsBelow.above === 1 ? 'strategy' : 'strategies'} above: scroll to the top`}
                        data-testid="summary-rows-above"
                      >
                        ↑ {rowsBelow.above} above
                      </button>
                    )}
                    {rowsBelow.count > 0 && (
                      <button
                        type="button"
                        className="link-button summary__more"
                        onClick={showRest}
                        aria-label={describeRowsBelow(rowsBelow)}
                        data-testid="summary-rows-below"
                      >
                        ↓ {rowsBelow.count} more{rowsBelow.cheapest ? ', cheapest' : ''}
                      </button>
                    )}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((strategy) => {
                  const isCheapest = strategy.id === cheapest?.id;
                  const isFocused = strategy.id === (focusId ?? cheapest?.id);
                  const savings = savingsVsDearest(shownResult, strategy);
                  return (
                    <tr
                      key={strategy.id}
                      className={`${isCheapest ? 'is-cheapest' : ''} ${isFocused ? 'is-focused' : ''}`}
                      data-testid={`summary-row-${strategy.id}`}
                    >
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          aria-pressed={isFocused}
                          onClick={() => setFocus(strategy.id)}
                        >
                          {strategy.name}
                        </button>
                        {isCheapest && (
                          <span
                            className="badge badge--good"
                            title={`The least ${firstYearLabel} of the strategies that meet every quality bar and limit`}
                          >
                            Cheapest
                          </span>
                        )}
                        <ConstraintBadges
                          constraints={constraintsByStrategy.get(strategy.id) ?? []}
                          scenario={scenario}
                          testId={`summary-constraints-${strategy.id}`}
                        />
                      </th>
                      <td className="num" data-label={`First month (${firstMonth})`}>
                        <Money usd={strategy.months[0]?.spend ?? 0} testId="summary-this-month" />
                      </td>
                      <td className="num" data-label={firstYearLabel}>
                        <Money usd={strategy.totals.firstYearSpend} testId="summary-first-year" />
                      </td>
                      <td className="num" data-label="Saves vs dearest">
                        {savings > 0 ? (
                          <Money usd={savings} testId="summary-savings" />
                        ) : (
                          <span className="muted" data-testid="summary-savings">
                            —
                          </span>
                        )}
                      </td>
                      <td
                        className="summary__credits-end"
                        data-label="Credits run out"
                        data-testid="summary-credits-end"
                      >
                        {describeCreditsEnd(strategy, scenario)}
                        {strategy.totals.creditsExpired >= 0.005 && (
                          <span className="summary__expired" data-testid="summary-credits-expired">
                            <Money usd={strategy.totals.creditsExpired} /> expire unused{' '}
                            {describeExpiredCredits(strategy, scenario)}
                          </span>
                        )}
                      </td>
                      <td data-testid="summary-runway" data-label="Cash runway" className="summary__runway">
                        <RunwayPhrase words={describeRunwayWords(strategy.runwayMonths, scenario)} />
                      </td>
                      <td className="summary__hide-cell">
                        <button
                          type="button"
                          className="button button--quiet button--small summary__hide"
                          aria-label={`Hide ${strategy.name} from the summary and charts`}
                          title="Hide from the summary and charts"
                          onClick={() => setHidden(strategy.id, true)}
                        >
                          Hide
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          {hiddenStrategies.length > 0 && (
            <p className="summary__hidden">
              <span className="muted">Hidden:</span>
              {hiddenStrategies.map((strategy) => (
                <button
                  key={strategy.id}
                  type="button"
                  className="button button--quiet button--small"
                  aria-label={`Show ${strategy.name} again`}
                  onClick={() => setHidden(strategy.id, false)}
                >
                  {strategy.name}
                </button>
              ))}
            </p>
          )}
        </div>
      )}
    </section>
  );
});

/**
 * A runway as one phrase, its bracket a part of its own: where the column is narrow the bracket takes a line of
 * its own ("13 months" over "(cash runs out in Feb 2028)") instead of the phrase breaking a word to a line.
 */
function RunwayPhrase({ words }: { words: RunwayWords }) {
  if (words.cashOut === null) return <>{words.length}</>;
  return (
    <>
      <span className="summary__runway-part">{words.length}</span>{' '}
      <span className="summary__runway-part">{words.cashOut}</span>
    </>
  );
}
