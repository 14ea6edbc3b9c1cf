export function OptimisePanel() {
  return <p>Coming in this build.</p>;
}
