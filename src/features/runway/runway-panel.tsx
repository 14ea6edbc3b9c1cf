import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type {
  CreditPool,
  Finance,
  FinanceRangeField,
  Scenario,
  ValueRange,
} from '../../domain/scenario-schema';
import type { CreditPoolTemplate } from '../../queries/credit-pool-queries';
import { addPool, removePool, setFinanceRange, updateFinance, updatePool } from '../../state/scenario-edits';
import { findCheapestStrategy, useFocusStrategy, useSimulation } from '../../state/selectors';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { StrategySelect } from '../../ui/strategy-select';
import { BurnDownSection } from './burn-down-section';
import { FinanceFields } from './finance-fields';
import { PoolEditor } from './pool-editor';
import { PoolTemplates } from './pool-templates';
import { RunwayHeadline } from './runway-headline';
import { RunwayWarnings } from './runway-warnings';
import './runway.css';

/** Platforms of the catalog, each once, in catalog order. */
function listPlatforms(scenario: Scenario): string[] {
  return [...new Set(scenario.catalog.map((model) => model.platform))];
}

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

/** A removal that can still be undone: the scenario it left, while nothing else has changed since. */
type Removal = { name: string; after: Scenario };

/**
 * Credits and runway: when the focused strategy exhausts its credit pools and its cash, warnings for credits
 * that expire and spend no pool covers, and the pools and finances that decide it.
 */
export function RunwayPanel() {
  const scenario = useScenario();
  const result = useSimulation();
  const focus = useFocusStrategy();
  const [edit, undo, setFocusStrategy] = usePlannerStore(
    useShallow((s) => [s.edit, s.undo, s.setFocusStrategy]),
  );
  const [removal, setRemoval] = useState<Removal | null>(null);
  const cheapest = findCheapestStrategy(result);
  const platforms = listPlatforms(scenario);

  function changePool(index: number, pool: CreditPool): string | null {
    return describeRefusal(edit((s) => updatePool(s, index, pool)));
  }

  function removePoolAt(index: number, pool: CreditPool) {
    const outcome = edit((s) => removePool(s, index));
    const after = usePlannerStore.getState().scenario;
    if (outcome.ok && after) setRemoval({ name: pool.name.trim() || 'the pool', after });
  }

  function addFromTemplate(template: CreditPoolTemplate) {
    edit((s) => addPool(s, template.pool));
  }

  function changeFinance(finance: Finance): string | null {
    return describeRefusal(edit((s) => updateFinance(s, finance)));
  }

  function changeFinanceRange(field: FinanceRangeField, range: ValueRange | null): string | null {
    return describeRefusal(edit((s) => setFinanceRange(s, field, range)));
  }

  return (
    <div className="runway">
      {focus ? (
        <section aria-labelledby="runway-outlook-title">
          <div className="section-head">
            <h2 id="runway-outlook-title">Credits and cash over {scenario.horizonMonths} months</h2>
            <StrategySelect
              label="Strategy"
              strategies={result.strategies}
              value={focus.id}
              cheapestId={cheapest?.id ?? null}
              onChange={setFocusStrategy}
            />
          </div>
          <RunwayHeadline strategy={focus} scenario={scenario} />
          <RunwayWarnings strategy={focus} pools={scenario.credits} startMonth={scenario.startMonth} />
          <BurnDownSection strategy={focus} pools={scenario.credits} startMonth={scenario.startMonth} />
        </section>
      ) : (
        <p>Add a strategy on the Strategies screen to see how long credits and cash last.</p>
      )}

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
        {removal && removal.after === scenario && (
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
            platforms={platforms}
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
