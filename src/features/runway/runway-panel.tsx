import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type {
  CreditPool,
  Finance,
  FixedCost,
  FinanceRangeField,
  Scenario,
  ValueRange,
} from '../../domain/scenario-schema';
import type { CreditPoolTemplate } from '../../queries/credit-pool-queries';
import {
  addFixedCost,
  addPool,
  removeFixedCost,
  removePool,
  setFinanceRange,
  updateFinance,
  updateFixedCost,
  updatePool,
} from '../../state/scenario-edits';
import {
  selectBrokenConstraints,
  selectCatalogPlatforms,
  selectCheapestStrategy,
} from '../../state/selectors';
import { useFiguresScenario, useFocusStrategy, usePlan } from '../../state/figures';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { PlanIssues } from '../../ui/plan-issues';
import { StrategySelect } from '../../ui/strategy-select';
import { ConstraintBadges } from '../../ui/constraint-badges';
import { BurnDownSection } from './burn-down-section';
import { FinanceFields } from './finance-fields';
import { FixedCostEditor, nameFixedCost } from './fixed-cost-editor';
import { PoolEditor } from './pool-editor';
import { PoolTemplates } from './pool-templates';
import { listScenarioPlatforms } from './runway-figures';
import { RunwayHeadline } from './runway-headline';
import { RunwayWarnings } from './runway-warnings';
import './runway.css';

function makeCustomPool(scenario: Scenario): CreditPool {
  const names = new Set(scenario.credits.map((pool) => pool.name));
  let name = 'Custom pool';
  for (let n = 2; names.has(name); n++) name = `Custom pool ${n}`;
  return {
    id: 'custom',
    name,
    amount: 10_000,
    startMonth: 0,
    expiresAfterMonths: 12,
    appliesTo: ['*'],
  };
}

/** A new fixed cost: $500 a month on the catalog's first platform, from the first month, paid by every strategy. */
function makeFixedCost(scenario: Scenario): FixedCost {
  const names = new Set(scenario.fixedCosts.map((cost) => cost.name));
  let name = 'Fixed cost';
  for (let n = 2; names.has(name); n++) name = `Fixed cost ${n}`;
  return {
    id: 'fixed-cost',
    name,
    platform: scenario.catalog[0]?.platform ?? 'other',
    monthlyAmount: 500,
    startMonth: 0,
    endMonth: null,
    monthlyGrowth: 0,
    strategies: null,
  };
}

/** A removal that can still be undone: the scenario it left, while nothing else has changed since. */
type Removal = { name: string; after: Scenario; section: 'pools' | 'fixed-costs' };

/**
 * Credits and runway: when the focused strategy exhausts its credit pools and its cash, warnings for credits
 * that expire and spend no pool covers, and the pools and finances that decide it.
 */
export function RunwayPanel() {
  const scenario = useScenario();
  // Read from the scenario the figures were computed for: it plans every strategy, which an edit of a cash
  // figure need not wait for (see useFiguresScenario).
  const figures = useFiguresScenario();
  const [edit, undo] = usePlannerStore(useShallow((s) => [s.edit, s.undo]));
  const [removal, setRemoval] = useState<Removal | null>(null);
  const platforms = selectCatalogPlatforms(scenario.catalog);
  // The platforms the strategies and fixed costs spend on first, then the catalog's others: a pool for OpenAI
  // credits can be set up before a strategy routes there.
  const poolPlatforms = useMemo(() => {
    const spentOn = listScenarioPlatforms(figures);
    return [...spentOn, ...platforms.filter((platform) => !spentOn.includes(platform))];
  }, [figures, platforms]);

  function changePool(index: number, pool: CreditPool): string | null {
    return describeRefusal(edit((s) => updatePool(s, index, pool)));
  }

  function removePoolAt(index: number, pool: CreditPool) {
    const outcome = edit((s) => removePool(s, index));
    const after = usePlannerStore.getState().scenario;
    if (outcome.ok && after) setRemoval({ name: pool.name.trim() || 'the pool', after, section: 'pools' });
  }

  function changeFixedCost(index: number, cost: FixedCost): string | null {
    return describeRefusal(edit((s) => updateFixedCost(s, index, cost)));
  }

  function removeFixedCostAt(index: number, cost: FixedCost) {
    const outcome = edit((s) => removeFixedCost(s, index));
    const after = usePlannerStore.getState().scenario;
    if (outcome.ok && after) setRemoval({ name: nameFixedCost(cost), after, section: 'fixed-costs' });
  }

  // A pool just added takes the keyboard: a custom one at its name (selected, so typing replaces "Custom pool"),
  // a programme's at its amount (the programme's is typical; the award is what to type), as a new slice does.
  const focusNew = useRef<{ poolId: string; field: 'name' | 'amount' } | null>(null);
  useEffect(() => {
    const target = focusNew.current;
    if (!target) return;
    const row = document.querySelector(`[data-testid="pool-${CSS.escape(target.poolId)}"]`);
    const input = row?.querySelectorAll<HTMLInputElement>('input')[target.field === 'name' ? 0 : 1];
    if (!input) return;
    focusNew.current = null;
    input.focus();
    input.select();
  }, [scenario]);

  function addAndFocus(pool: (s: typeof scenario) => CreditPool, field: 'name' | 'amount') {
    const outcome = edit((s) => addPool(s, pool(s)));
    const added = usePlannerStore.getState().scenario?.credits.at(-1);
    if (outcome.ok && added) focusNew.current = { poolId: added.id, field };
  }

  function addFromTemplate(template: CreditPoolTemplate) {
    addAndFocus(() => template.pool, 'amount');
  }

  function changeFinance(patch: Partial<Omit<Finance, 'ranges'>>): string | null {
    return describeRefusal(edit((s) => updateFinance(s, { ...s.finance, ...patch })));
  }

  function changeFinanceRange(field: FinanceRangeField, range: ValueRange | null): string | null {
    return describeRefusal(edit((s) => setFinanceRange(s, field, range)));
  }

  return (
    <div className="runway">
      <RunwayOutlook />

      <section className="runway-pools" aria-labelledby="runway-pools-title">
        <div className="section-head">
          <h2 id="runway-pools-title">Credit pools</h2>
          <button type="button" className="button" onClick={() => addAndFocus(makeCustomPool, 'name')}>
            Add a custom pool
          </button>
        </div>
        <p className="muted runway-pools__intro">
          Pools pay AI spend on the platforms they cover, soonest-expiring first; what they do not pay comes
          from cash.
        </p>
        {removal && removal.after === scenario && removal.section === 'pools' && (
          <div className="notice notice--info" role="status">
            <p>Removed {removal.name}.</p>
            <button type="button" className="button" onClick={undo}>
              Undo
            </button>
          </div>
        )}
        {scenario.credits.length === 0 && (
          <p className="runway-pools__empty">
            No credit pools yet: add one from a programme below or a custom one.
          </p>
        )}
        {scenario.credits.map((pool, index) => (
          <PoolEditor
            key={pool.id}
            pool={pool}
            horizonMonths={scenario.horizonMonths}
            startMonth={scenario.startMonth}
            platforms={poolPlatforms}
            onChange={(next) => changePool(index, next)}
            onRemove={() => removePoolAt(index, pool)}
          />
        ))}
        <h3 className="runway-pools__templates-title">Add a credit programme</h3>
        <p className="muted runway-pools__intro">
          Representative 2026 AWS programmes: they pay for Bedrock (AWS) spend only, not direct Mistral,
          OpenAI or Anthropic APIs. Confirm the amount and expiry of your award before you budget.
        </p>
        <PoolTemplates onAdd={addFromTemplate} />
      </section>

      <section className="runway-pools" aria-labelledby="runway-fixed-costs-title">
        <div className="section-head">
          <h2 id="runway-fixed-costs-title">Fixed costs</h2>
          <button
            type="button"
            className="button"
            onClick={() => edit((s) => addFixedCost(s, makeFixedCost(s)))}
          >
            Add a fixed cost
          </button>
        </div>
        <p className="muted runway-pools__intro">
          Monthly costs that are not tokens: a vector store, Knowledge Bases, logging, a cluster’s control
          plane. They add to the spend of the strategies that pay them, on their platform, so credits covering
          that platform pay them too.
        </p>
        {removal && removal.after === scenario && removal.section === 'fixed-costs' && (
          <div className="notice notice--info" role="status">
            <p>Removed {removal.name}.</p>
            <button type="button" className="button" onClick={undo}>
              Undo
            </button>
          </div>
        )}
        {scenario.fixedCosts.length === 0 && (
          <p className="runway-pools__empty">No fixed costs: spend is tokens and capacity only.</p>
        )}
        {scenario.fixedCosts.map((cost, index) => (
          <FixedCostEditor
            key={cost.id}
            cost={cost}
            horizonMonths={scenario.horizonMonths}
            startMonth={scenario.startMonth}
            platforms={platforms}
            strategies={scenario.strategies}
            onChange={(next) => changeFixedCost(index, next)}
            onRemove={() => removeFixedCostAt(index, cost)}
          />
        ))}
      </section>

      <section className="runway-finance" aria-labelledby="runway-finance-title">
        <h2 id="runway-finance-title">Finances</h2>
        <FinanceFields
          finance={scenario.finance}
          onChange={changeFinance}
          onRangeChange={changeFinanceRange}
        />
      </section>
    </div>
  );
}

/**
 * When the focused strategy exhausts its credit pools and its cash, with its broken constraints, the warnings
 * and the burn-down. It shows figures only, so an edit of the pools or finances below re-renders it once
 * their figures are computed, not on every keystroke.
 */
const RunwayOutlook = memo(function RunwayOutlook() {
  const figures = useFiguresScenario();
  const plan = usePlan();
  const focus = useFocusStrategy();
  const setFocusStrategy = usePlannerStore((s) => s.setFocusStrategy);
  const cheapest = selectCheapestStrategy(figures);
  const constraintsByStrategy = selectBrokenConstraints(figures);
  return (
    <>
      {!plan.ok ? (
        <PlanIssues issues={plan.issues} title="Credits and cash cannot be computed." />
      ) : focus ? (
        <section aria-labelledby="runway-outlook-title">
          <div className="section-head">
            <h2 id="runway-outlook-title">Credits and cash over {figures.horizonMonths} months</h2>
            <StrategySelect
              label="Strategy"
              strategies={plan.value.result.strategies}
              value={focus.id}
              cheapestId={cheapest?.id ?? null}
              onChange={setFocusStrategy}
            />
            <ConstraintBadges
              constraints={constraintsByStrategy.get(focus.id) ?? []}
              scenario={figures}
              testId="runway-constraints"
            />
          </div>
          <RunwayHeadline strategy={focus} scenario={figures} />
          <RunwayWarnings strategy={focus} pools={figures.credits} startMonth={figures.startMonth} />
          <BurnDownSection
            strategy={focus}
            pools={figures.credits}
            fixedCosts={figures.fixedCosts}
            startMonth={figures.startMonth}
          />
        </section>
      ) : (
        <p>Add a strategy on the Strategies screen to see how long credits and cash last.</p>
      )}
    </>
  );
});
