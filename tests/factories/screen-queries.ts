/** Queries that read figures back from a rendered screen, shared by the component tests. */
import { screen, within } from '@testing-library/react';

/** The cells of the row of `table` whose header is `label`, as text (the row header itself left out). */
export function readRow(table: HTMLElement, label: string | RegExp): string[] {
  const row = within(table).getByRole('rowheader', { name: label }).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

/** The full-precision amount behind the `Money` figure with `testId` (its data-value). */
export function readMoney(testId: string): number {
  return Number(screen.getByTestId(testId).getAttribute('data-value'));
}
