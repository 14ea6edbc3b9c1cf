import { memo, useMemo, useState } from 'react';
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
  const poolPlatforms = useMemo(() => listScenarioPlatforms(figures), [figures]);

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

  function addFromTemplate(template: CreditPoolTemplate) {
    edit((s) => addPool(s, template.pool));
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
          <button type="button" className="button" onClick={() => edit((s) => addPool(s, makeCustomPool(s)))}>
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
