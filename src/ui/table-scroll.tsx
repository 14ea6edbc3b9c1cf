import type { ReactNode, Ref } from 'react';

/**
 * A box that scrolls a wide table sideways on narrow screens. It is a labelled region that takes keyboard focus,
 * so people who do not use a mouse can scroll it with the arrow keys.
 */
export function TableScroll({
  label,
  className,
  ref,
  children,
}: {
  label: string;
  className?: string;
  ref?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  return (
    <div
      ref={ref}
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
