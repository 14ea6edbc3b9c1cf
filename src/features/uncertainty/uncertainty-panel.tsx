import { SensitivitySection } from './sensitivity-section';

/** Uncertainty: which inputs move spend and runway most. */
export function UncertaintyPanel() {
  return <SensitivitySection />;
}
