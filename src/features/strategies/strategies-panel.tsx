export function StrategiesPanel() {
  return <p>Coming in this build.</p>;
}
