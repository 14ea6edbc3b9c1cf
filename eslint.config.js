import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const uiPackages = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'recharts', '@tanstack/*'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: no UI libraries, no DOM, no I/O, no clock, no randomness.
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiPackages, message: 'src/domain is pure: no UI or state libraries.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/domain does no I/O.' },
            {
              group: ['**/io/*', '**/state/*', '**/features/*', '**/ui/*', '**/charts/*', '**/cli/*'],
              message: 'src/domain depends on nothing else in src.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'fetch',
        'navigator',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded generator instead.' },
        { object: 'Date', property: 'now', message: 'The engine takes time as input.' },
      ],
    },
  },
  {
    // Text for people, imported by every layer (the app, the CLI, io): no UI libraries, no DOM, nothing but the
    // domain's types below it.
    files: ['src/format/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiPackages, message: 'src/format is plain text: no UI or state libraries.' },
            {
              group: [
                '**/io/*',
                '**/state/*',
                '**/features/*',
                '**/ui/*',
                '**/charts/*',
                '**/cli/*',
                '**/app/*',
              ],
              message: 'src/format depends only on src/domain.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'fetch',
        'navigator',
      ],
    },
  },
  {
    // Charts take plain series props and never read the store.
    files: ['src/charts/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/state/*', 'zustand', 'zustand/*'], message: 'Charts take props, not the store.' },
          ],
        },
      ],
    },
  },
  {
    // Features do not import each other.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)|/features/',
              message: 'Features do not import each other; share through src/ui, src/charts or src/state.',
            },
          ],
        },
      ],
    },
  },
);
