export function UncertaintyPanel() {
  return <p>Coming in this build.</p>;
}
