import { useEffect, useRef, type ReactNode } from 'react';

let firstScreen = true;

/**
 * The screen's `<h1>`. It sets the document title, and after an in-app navigation it takes focus so that
 * keyboard and screen-reader users start at the new screen's heading (not on the first load).
 */
export function PageHeading({
  children,
  title,
  className = 'heading-xl',
  caption,
  focusKey,
}: {
  children: ReactNode;
  /** The document title. */
  title: string;
  className?: string;
  caption?: ReactNode;
  /** Focus again whenever this changes (e.g. the scene id in the player). */
  focusKey?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    ref.current?.focus();
  }, [focusKey]);
  return (
    <>
      {caption ? <span className="caption">{caption}</span> : null}
      <h1 ref={ref} tabIndex={-1} className={`${className} focus-heading`}>
        {children}
      </h1>
    </>
  );
}

/** For tests: treat the next screen as a first load (no focus move). */
export function resetFirstScreen() {
  firstScreen = true;
}
