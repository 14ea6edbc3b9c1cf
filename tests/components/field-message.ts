import type { MatcherFunction } from '@testing-library/react';

/**
 * Finds a field's message (its `role="alert"`) by its whole text, the field's name included: the name is an
 * element of its own (hidden where messages float over a row), so a plain text query does not see one string.
 */
export function fieldMessage(expected: string | RegExp): MatcherFunction {
  return (_content, element) => {
    if (element?.getAttribute('role') !== 'alert') return false;
    const text = element.textContent ?? '';
    return typeof expected === 'string' ? text === expected : expected.test(text);
  };
}
