import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-packages', 'coverage', 'node_modules', 'scenarios/schema', 'test-results', 'playwright-report', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.configs.recommended.rules },
  },
  {
    // The engine is pure: no React, DOM, i18next, zustand, or the rest of src/.
    files: ['src/engine/**/*.ts'],
    // The JSON Schema writer is a node entry point that writes files.
    ignores: ['src/engine/format/write-json-schema.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'react/*',
                '@xstate/react',
                'i18next',
                'react-i18next',
                'zustand',
                'zustand/*',
                'idb-keyval',
              ],
              message: 'The engine is pure TypeScript: no UI, i18n or storage libraries.',
            },
            { group: ['../../*', '!../../engine/*'], message: 'The engine imports nothing from the rest of src/.' },
            {
              group: ['node:*', 'fs', 'path'],
              message: 'The engine does no I/O; inject a reader (see format/load.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Components are presentational: they take values and callbacks, never stores.
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/store/*', '**/store', 'zustand', 'zustand/*'], message: 'Only src/routes talk to stores.' },
          ],
        },
      ],
    },
  },
);
