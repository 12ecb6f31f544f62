// Shared test setup. Component tests add their own (jest-dom matchers, i18next with English, store resets)
// in tests/helpers/ui-setup.ts, imported by each component test file.
export {};
