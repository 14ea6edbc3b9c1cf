/** Queries that read figures back from a rendered screen, shared by the component tests. */
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';

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

/**
 * Picks an option of a model picker (a combobox with a list popup) as a person does: opens it with a click and
 * clicks the option whose name starts with `optionName` (the model's name, or the picker's "none" text).
 */
export async function chooseModel(
  user: { click: (element: Element) => Promise<void> },
  combobox: HTMLElement,
  optionName: string,
): Promise<void> {
  await user.click(combobox);
  const listbox = document.getElementById(combobox.getAttribute('aria-controls') ?? '');
  if (!listbox) throw new Error('the model picker did not open its list');
  const escaped = optionName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await user.click(within(listbox).getByRole('option', { name: new RegExp(`^${escaped}( |$)`) }));
}

/**
 * Waits until no region of the screen is busy (`aria-busy`): the results computed off the page (the analysis
 * worker, run on the page in tests) are in.
 */
export async function waitForResults(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
}
