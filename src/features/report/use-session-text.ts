import { useState } from 'react';

function readSession(key: string): string {
  try {
    return window.sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/**
 * A piece of text kept for this browser tab only (sessionStorage), so it survives switching screens but is
 * never part of the scenario file. Storage that refuses writes leaves the text in memory.
 */
export function useSessionText(key: string): [string, (next: string) => void] {
  const [text, setText] = useState(() => readSession(key));
  function update(next: string) {
    setText(next);
    try {
      window.sessionStorage.setItem(key, next);
    } catch {
      // Private modes may refuse storage: the text still shows until the page is left.
    }
  }
  return [text, update];
}
