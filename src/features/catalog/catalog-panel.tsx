export function CatalogPanel() {
  return <p>Coming in this build.</p>;
}
