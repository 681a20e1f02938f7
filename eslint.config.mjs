// ESLint 9 flat config: TypeScript through an explicit @typescript-eslint/parser.
import js from '@eslint/js';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';

/**
 * Microsoft's rules for Office add-ins (eslint-plugin-office-addins): load before reading a
 * property, sync after loading and before reading, no sync in a loop, no empty or navigational
 * load, isNullObject instead of null tests, Office.onReady instead of Office.initialize. Used
 * as rules (their "recommended" config also brings Prettier and its own parser settings).
 */
const OFFICE_RULES = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/no-context-sync-in-loop': 'error',
  'office-addins/no-empty-load': 'error',
  'office-addins/no-navigational-load': 'error',
  'office-addins/no-office-initialize': 'error',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

/**
 * The pane and the command line reach core's readers, generators, importers and checks only
 * through src/app (the use cases); formats, messages, the data model and A1 helpers are plain data.
 * Type-only imports are allowed.
 */
const USE_CASES_ONLY = {
  group: [
    '**/core/read',
    '**/core/read/*',
    '**/core/rules',
    '**/core/rules/*',
    '**/core/narrative',
    '**/core/narrative/*',
    '**/core/narrative-check',
    '**/core/narrative-check/*',
    '**/core/import',
    '**/core/import/*',
    '**/core/layout',
    '**/core/layout/*',
    '**/core/previous',
    '**/core/render/*',
    '**/core/check/*',
    '**/export/*',
  ],
  allowTypeImports: true,
  message: 'reach core workflows through src/app (the use cases), so each one is written once',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'bin/**', '.ci/**', 'src/taskpane/ie11.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // where office.js is called: the port on office.js, the bootstrap, the ribbon commands (the rules
    // know Excel's proxy objects by their shape, so ExcelJS code would only give false alarms)
    files: ['src/workbook/office/**/*.ts', 'src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx', 'src/commands/**/*.ts', 'src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: OFFICE_RULES,
  },
  {
    // the layers: core is pure TypeScript; the pane never calls Excel
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', '@fluentui/*', 'exceljs', 'docx', 'fs', 'path', '*/workbook/*', '*/ui/*'] },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['exceljs', '**/workbook/office*', '**/workbook/xlsx*'], message: 'the pane gets a WorkbookPort injected' }, USE_CASES_ONLY] },
      ],
      'no-restricted-globals': ['error', 'Excel', 'Office'],
    },
  },
  {
    // the command line: argument parsing and output over src/app (it may open .xlsx files through the ExcelJS port)
    files: ['src/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [USE_CASES_ONLY] }] },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    languageOptions: { globals: { ...globals.jest } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: { ...globals.node },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);
