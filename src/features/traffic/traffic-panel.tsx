export function TrafficPanel() {
  return <p>Coming in this build.</p>;
}
