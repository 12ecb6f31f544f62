/**
 * Setup for component tests (jsdom): jest-dom matchers, i18next with the English strings where a missing key
 * fails the test, an axe check, and cleanup between tests.
 */
import '@testing-library/jest-dom/vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import { cleanup, render, type RenderOptions } from '@testing-library/react';
import i18next, { type i18n as I18n } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';

function resources(lng: string) {
  const dir = `locales/${lng}`;
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
      .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))]),
  );
}

/** i18next with the real strings; any missing key throws, so the test fails. */
export function testI18n(lng = 'en-GB'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    resources: { [lng]: resources(lng) },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => {
      throw new Error(`missing translation key ${ns}:${key}`);
    },
  });
  return instance;
}

const en = testI18n();

/** Renders with i18next (English by default) and a router. */
export function renderUi(ui: ReactElement, { i18n = en, ...options }: RenderOptions & { i18n?: I18n } = {}) {
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>{ui}</MemoryRouter>
    </I18nextProvider>,
    options,
  );
}

/** Fails the test if axe finds any WCAG A/AA violation in the container. */
export async function expectAccessible(container: Element) {
  const results = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

afterEach(() => cleanup());
