import js from '@eslint/js';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const uiPackages = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@tanstack/*'];

/** The folders of src, one layer each. */
const layers = [
  'domain',
  'format',
  'io',
  'state',
  'queries',
  'workers',
  'charts',
  'ui',
  'features',
  'cli',
  'app',
];

/** An import pattern for every layer of src other than `allowed` (and the file's own). */
function otherLayers(allowed, message) {
  return {
    group: layers.filter((layer) => !allowed.includes(layer)).map((layer) => `**/${layer}/*`),
    message,
  };
}

/** A `no-restricted-imports` rule for a layer that may import only `allowed` layers (and its own files). */
function zone(own, allowed, message, extraPatterns = []) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: [...extraPatterns, otherLayers([own, ...allowed], `src/${own} ${message}`)] },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'test-results', 'playwright-report'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Layers import one way; a cycle would let two modules lean on each other's half-built exports.
      'import-x/no-cycle': 'error',
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
            otherLayers(['domain'], 'src/domain depends on nothing else in src.'),
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
            otherLayers(['format', 'domain'], 'src/format depends only on src/domain.'),
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
    // Files in, domain types out: no UI, no store.
    files: ['src/io/**/*.ts'],
    rules: zone(
      'io',
      ['domain', 'format'],
      'reads and writes files: it imports only src/domain and src/format.',
      [{ group: uiPackages, message: 'src/io is no UI: no UI or state libraries.' }],
    ),
  },
  {
    // The store owns what the user edits; it computes nothing on screen. It offers hooks (React's own, as
    // zustand's are) but renders nothing.
    files: ['src/state/**/*.ts'],
    rules: zone('state', ['domain', 'io', 'format'], 'imports only src/domain, src/io and src/format.', [
      {
        group: ['react-dom', 'react-dom/*', '@tanstack/*'],
        message: 'src/state renders nothing.',
      },
    ]),
  },
  {
    // Query options: what to load and how to key it.
    files: ['src/queries/**/*.ts'],
    rules: zone(
      'queries',
      ['domain', 'io', 'format', 'workers'],
      'imports only src/domain, src/io, src/format and src/workers.',
      [
        {
          group: ['zustand', 'zustand/*'],
          message: 'src/queries loads; it neither edits nor draws.',
        },
      ],
    ),
  },
  {
    // Workers run the engine off the main thread.
    files: ['src/workers/**/*.ts'],
    rules: zone('workers', ['domain', 'io', 'format'], 'imports only src/domain, src/io and src/format.', [
      { group: uiPackages, message: 'src/workers has no UI: no UI or state libraries.' },
    ]),
  },
  {
    // Charts take plain series props and never read the store; they may use the shared presentational helpers.
    files: ['src/charts/**/*.{ts,tsx}'],
    rules: zone(
      'charts',
      ['domain', 'format', 'ui'],
      'takes props: it imports only src/domain, src/format and src/ui.',
      [{ group: ['zustand', 'zustand/*', '@tanstack/*'], message: 'Charts take props, not the store.' }],
    ),
  },
  {
    // Shared presentational components: props in, markup out. TanStack Virtual draws long lists (the model
    // picker); TanStack Query, which loads data, stays out.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: zone('ui', ['domain', 'format'], 'is presentational: it imports only src/domain and src/format.', [
      {
        group: ['zustand', 'zustand/*', '@tanstack/*', '!@tanstack/react-virtual'],
        message: 'src/ui takes props, not the store or loaded data (of TanStack, only react-virtual).',
      },
    ]),
  },
  {
    // The command line over the same engine.
    files: ['src/cli/**/*.ts'],
    rules: zone('cli', ['domain', 'io', 'format'], 'imports only src/domain, src/io and src/format.', [
      { group: uiPackages, message: 'The CLI has no UI: no UI or state libraries.' },
    ]),
  },
  {
    // The shell: everything but the command line.
    files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: zone(
      'app',
      ['domain', 'format', 'io', 'state', 'queries', 'workers', 'charts', 'ui', 'features'],
      'is the web app: it does not import the CLI.',
    ),
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
            otherLayers(
              ['features', 'domain', 'format', 'io', 'state', 'queries', 'charts', 'ui'],
              'Features import the layers below them, not src/app, src/cli or src/workers (load through src/queries).',
            ),
          ],
        },
      ],
    },
  },
);
