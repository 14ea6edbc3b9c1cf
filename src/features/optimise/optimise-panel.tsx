import { useState } from 'react';
import { selectCheapestStrategy } from '../../state/selectors';
import { useFiguresScenario, useFocusStrategy, useSimulation } from '../../state/figures';
import { AssignmentSection } from './assignment-section';
import { BreakEvenSection } from './break-even-section';
import { FrontierSection } from './frontier-section';
import { GoalSeekSection } from './goal-seek-section';
import './optimise.css';

/**
 * Optimise: the cheapest model per slice that meets every quality bar (to keep as a strategy), cost against
 * quality per slice, break-even volumes and escalation rates, and goal seeking on growth and credits. The
 * searches run in the analysis worker, each section showing its status until its result for this scenario is in.
 */
export function OptimisePanel() {
  const scenario = useFiguresScenario();
  const result = useSimulation();
  const focus = useFocusStrategy();
  const cheapest = selectCheapestStrategy(scenario);
  const [frontierSlice, setFrontierSlice] = useState(0);

  if (scenario.traffic.length === 0 || scenario.catalog.length === 0) {
    return (
      <div className="optimise">
        <p>Add models to the catalog and at least one traffic slice to optimise.</p>
      </div>
    );
  }
  const sliceIndex = frontierSlice < scenario.traffic.length ? frontierSlice : 0;

  return (
    <div className="optimise">
      <AssignmentSection scenario={scenario} cheapest={cheapest} />
      <FrontierSection scenario={scenario} sliceIndex={sliceIndex} onSliceChange={setFrontierSlice} />
      <BreakEvenSection scenario={scenario} />
      {focus && (
        <GoalSeekSection
          scenario={scenario}
          strategies={result.strategies}
          cheapestId={cheapest?.id ?? null}
          initialStrategyId={focus.id}
        />
      )}
    </div>
  );
}
