// ESLint 10 uses the config nearest to each file, so this one governs packages/web. It keeps every
// root rule and changes only what the browser app needs: its own TypeScript projects (DOM types,
// JSX; the root tsconfig.check.json holds Node-typed .ts files only), browser globals in src/,
// and a ban on value imports from other packages (the web talks to the system through the API).
import globals from 'globals';
import root from '../../eslint.config.js';

export default [
  ...root,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@carbonbase/*'],
              allowTypeImports: true,
              message:
                'The web may import only types from other packages; data comes from the API.',
            },
          ],
        },
      ],
    },
  },
];
