import type { ReactNode } from 'react';
import './records.css';

/**
 * A wide table's scrolling box. It is focusable so keyboard users can scroll it (WCAG 2.1.1; axe's
 * scrollable-region-focusable), and a named region so screen-reader users know what they are in.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus to be scrolled by keyboard
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
