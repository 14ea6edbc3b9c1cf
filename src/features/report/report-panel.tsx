export function ReportPanel() {
  return <p>Coming in this build.</p>;
}
