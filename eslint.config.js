import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Layer rules: the pure core (quantity, factors, engine) may not reach files, databases or the
// network. These bans make the architecture in docs/architecture.md checkable.
const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'path',
  'node:path',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
  'worker_threads',
  'node:worker_threads',
  'pg',
  '@electric-sql/pglite',
  'kysely',
  'undici',
  'exceljs',
];
const pureBan = (allowed) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: ioModules.map((name) => ({ name, message: 'The pure core does no I/O.' })),
      patterns: [
        {
          group: ['@carbonbase/*', ...allowed.map((p) => `!@carbonbase/${p}`)],
          message: 'This layer may not depend on that package (see docs/architecture.md).',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'fetch', message: 'The pure core does no I/O.' },
    { name: 'process', message: 'The pure core reads no environment.' },
  ],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { project: ['./tsconfig.check.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/require-array-sort-compare': ['error', { ignoreStringArrays: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['packages/quantity/src/**/*.ts'], rules: pureBan([]) },
  { files: ['packages/factors/src/**/*.ts'], rules: pureBan(['quantity']) },
  { files: ['packages/engine/src/**/*.ts'], rules: pureBan(['quantity', 'factors']) },
  { files: ['packages/footprint/src/**/*.ts'], rules: pureBan(['quantity', 'factors', 'engine']) },
  { files: ['packages/analysis/src/**/*.ts'], rules: pureBan(['quantity', 'factors']) },
  { files: ['packages/cbam/src/**/*.ts'], rules: pureBan(['quantity', 'factors', 'engine']) },
  { files: ['packages/pact/src/**/*.ts'], rules: pureBan(['quantity']) },
  // The application layer sits below its presenters: it may not reach back into them.
  {
    files: ['packages/app/src/**/*.ts', 'packages/store/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@carbonbase/api', '@carbonbase/cli', '@carbonbase/web'],
              message: 'The application layer and the store may not depend on their presenters.',
            },
          ],
        },
      ],
    },
  },
  // The batch kernel and planning are pure; only the worker-thread pool and its worker touch I/O.
  {
    files: ['packages/batch/src/**/*.ts'],
    ignores: ['packages/batch/src/pool.ts', 'packages/batch/src/worker.ts'],
    rules: pureBan(['quantity', 'factors', 'engine']),
  },
  {
    files: ['**/*.test.ts', 'packages/*/test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-globals': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
