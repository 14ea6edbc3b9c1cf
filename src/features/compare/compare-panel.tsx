export function ComparePanel() {
  return <p>Coming in this build.</p>;
}
