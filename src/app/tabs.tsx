import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';

export type TabItem = { id: string; label: string };

/** An ARIA tab list: arrow keys, Home and End move between tabs; the selected tab is the only tab stop. */
export function Tabs({
  items,
  selected,
  onSelect,
  label,
}: {
  items: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const listRef = useRef<HTMLDivElement>(null);
  // Where the tab list scrolls sideways (a phone), the selected tab is scrolled into it, however it was chosen (a
  // link, the back button): only the list scrolls, never the page.
  const selectedIndex = items.findIndex((item) => item.id === selected);
  useEffect(() => {
    const list = listRef.current;
    const tab = refs.current[selectedIndex];
    if (!list || !tab || list.scrollWidth <= list.clientWidth) return;
    const box = list.getBoundingClientRect();
    const at = tab.getBoundingClientRect();
    if (at.left < box.left) list.scrollLeft += at.left - box.left;
    else if (at.right > box.right) list.scrollLeft += at.right - box.right;
  }, [selectedIndex]);
  function onKeyDown(event: KeyboardEvent, index: number) {
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % items.length,
      ArrowLeft: (index - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const item = items[next];
    if (!item) return;
    onSelect(item.id);
    refs.current[next]?.focus();
  }
  return (
    <div role="tablist" aria-label={label} className="tabs" ref={listRef}>
      {items.map((item, index) => (
        <button
          key={item.id}
          ref={(el) => {
            refs.current[index] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${item.id}`}
          aria-selected={item.id === selected}
          aria-controls={`panel-${item.id}`}
          tabIndex={item.id === selected ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(item.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
