// @vitest-environment jsdom
/**
 * The pre-render plugin's page surgery and the inline guard that decides, before the first paint, whether the
 * pre-rendered home stays (see src/app/prerender-plugin.ts; the browser journey is
 * tests/e2e/self-study-prerender.e2e.ts).
 */
import { guardScript, injectHome } from '../../src/app/prerender-plugin';

const BUILT = `<!doctype html><html><head>
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/react-B.js">
    <link rel="stylesheet" crossorigin href="/assets/index-C.css">
  </head><body>
    <div id="root"></div>
  </body></html>`;

const HOME = '<header class="header">Callout</header><div><main id="main"><h1>Callout</h1></main></div><footer>Links</footer>';
const CHUNKS = { 'route:player': ['/assets/player-D.js', '/assets/react-B.js'], 'scenario:s1': ['/assets/s1-E.js'], 'locale:en-GB/player': ['/assets/player-F.js'] };

function page(html: string) {
  return injectHome(html, HOME, (href) => (href === '/assets/index-C.css' ? '.main{display:block}' : ''), '/', CHUNKS);
}

/** Sets up the document as the built page would be at `path`, then runs its inline guard. */
async function runGuard(path: string, saved?: string) {
  window.history.replaceState(null, '', path);
  localStorage.clear();
  if (saved) localStorage.setItem('callout.language', saved);
  document.head.innerHTML = '';
  document.body.innerHTML = `<div id="root">${HOME}</div>`;
  new Function(guardScript('/', ['/assets/index-A.js'], ['/assets/react-B.js'], CHUNKS))();
  const before = document.head.querySelectorAll('script').length;
  // The app is requested after the first frame.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)));
  return {
    requestedAtOnce: before > 0,
    root: document.getElementById('root')!,
    scripts: [...document.head.querySelectorAll('script')].map((s) => s.getAttribute('src')),
    preloads: [...document.head.querySelectorAll('link[rel=modulepreload]')].map((l) => l.getAttribute('href')),
  };
}

describe('injectHome', () => {
  it('puts the home into #root, inlines the stylesheet and moves the scripts behind the guard', () => {
    const html = page(BUILT);
    expect(html).toContain(`<div id="root">${HOME}</div>`);
    expect(html).toContain('<style>.main{display:block}</style>');
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    expect(html).not.toMatch(/<script type="module"/);
    expect(html).not.toMatch(/<link rel="modulepreload"/);
    expect(html).toContain('"/assets/index-A.js"');
  });

  it('refuses a page without an empty #root or without a module script', () => {
    expect(() => page(BUILT.replace('<div id="root"></div>', '<div id="app"></div>'))).toThrow(/root/);
    expect(() => page(BUILT.replace(/<script[^]*?<\/script>/, ''))).toThrow(/module script/);
  });
});

describe('the inline guard', () => {
  it('keeps the pre-rendered home for English on the home and loads the app after the first frame', async () => {
    const { root, scripts, preloads, requestedAtOnce } = await runGuard('/');
    expect(requestedAtOnce).toBe(false);
    expect(root.querySelector('h1')?.textContent).toBe('Callout');
    expect(scripts).toEqual(['/assets/index-A.js']);
    expect(preloads).toEqual(['/assets/react-B.js']);
  });

  it('empties the page for Welsh (chosen before, or asked for on the URL) and loads the app at once', async () => {
    const welsh = await runGuard('/', 'cy');
    expect(welsh.root.childNodes).toHaveLength(0);
    expect(welsh.requestedAtOnce).toBe(true);
    expect((await runGuard('/?lang=cy-GB')).root.childNodes).toHaveLength(0);
    expect((await runGuard('/?lang=en', 'cy')).root.querySelector('h1')).not.toBeNull();
  });

  it('keeps only the header and footer on another English screen, and preloads a scenario screen', async () => {
    const { root, preloads } = await runGuard('/scenario/s1/play');
    expect(root.querySelector('header')).not.toBeNull();
    expect(root.querySelector('footer')).not.toBeNull();
    expect(root.querySelector('#main')!.childNodes).toHaveLength(0);
    expect(preloads).toEqual(['/assets/react-B.js', '/assets/player-D.js', '/assets/s1-E.js', '/assets/player-F.js']);
    expect((await runGuard('/settings')).preloads).toEqual(['/assets/react-B.js']);
  });
});
