export function ScenariosPanel() {
  return <p>Coming in this build.</p>;
}
