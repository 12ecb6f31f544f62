/**
 * Finding an LMS's SCORM API object: the window's own, its parents' (the module in a frame), then its
 * opener's and the opener's parents' (the module in a popup window), as ADL's discovery algorithm does.
 * Cross-origin windows throw on access; they are skipped.
 */

/** Parents searched above each window, as ADL's sample code does. */
const MAX_DEPTH = 7;

function lookup<T>(win: Window, name: string): T | undefined {
  try {
    const api = (win as unknown as Record<string, unknown>)[name];
    return api && typeof api === 'object' ? (api as T) : undefined;
  } catch {
    return undefined;
  }
}

function parentOf(win: Window): Window | undefined {
  try {
    return win.parent && win.parent !== win ? win.parent : undefined;
  } catch {
    return undefined;
  }
}

function openerOf(win: Window): Window | undefined {
  try {
    return (win.opener as Window | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function searchUp<T>(start: Window, name: string): T | undefined {
  let win: Window | undefined = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const api = lookup<T>(win, name);
    if (api) return api;
    win = parentOf(win);
  }
  return undefined;
}

/** Finds `window[name]` in the frame chain, then in the opener's (and its top window's opener's) chain. */
export function findApi<T>(name: 'API' | 'API_1484_11', start: Window = window): T | undefined {
  const own = searchUp<T>(start, name);
  if (own) return own;
  let top: Window = start;
  for (let p = parentOf(top); p; p = parentOf(top)) top = p;
  const opener = openerOf(top) ?? openerOf(start);
  if (opener) {
    const viaOpener = searchUp<T>(opener, name);
    if (viaOpener) return viaOpener;
    const outer = openerOf(opener);
    if (outer) return searchUp<T>(outer, name);
  }
  return undefined;
}
