import { MonteCarloSection } from './monte-carlo-section';
import { SensitivitySection } from './sensitivity-section';
import './uncertainty.css';

/**
 * Uncertainty: how spend, credits and runway spread when the inputs with ranges vary together (Monte Carlo),
 * then which inputs move them most one at a time (sensitivity).
 */
export function UncertaintyPanel() {
  return (
    <div className="uncertainty">
      <MonteCarloSection />
      <SensitivitySection />
    </div>
  );
}
