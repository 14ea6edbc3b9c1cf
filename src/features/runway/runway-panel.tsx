export function RunwayPanel() {
  return <p>Coming in this build.</p>;
}
