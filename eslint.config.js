// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Lint: ESLint's and typescript-eslint's recommended rules, type-only imports, and no floating
// promises (an unhandled rejection in a content script or worker is a silent failure).

/**
 * Which lib/ folders each lib/ folder may import (besides itself and lib/'s own files), lowest
 * first: the dependency direction the README's project map shows. lib/ never imports components/
 * or entrypoints/; components/ and entrypoints/ may import any of lib/.
 */
const LIB_IMPORTS = {
  dom: [],
  messaging: [],
  settings: [],
  anchoring: [],
  factchecks: ['messaging'],
  claims: ['dom', 'messaging', 'anchoring', 'factchecks'],
  matcher: ['claims'],
  notes: ['dom', 'messaging', 'anchoring', 'claims'],
  sync: ['notes', 'claims'],
  webdav: ['notes', 'sync'],
  pages: ['messaging', 'settings', 'claims', 'matcher'],
  cli: ['dom', 'claims', 'matcher'],
  // The content script takes only the matcher's wire format (matcher/schema): an e2e test bounds its size.
  annotator: ['dom', 'messaging', 'anchoring', 'factchecks', 'claims', 'matcher', 'notes', 'pages'],
};
const layerRules = Object.entries(LIB_IMPORTS).map(([folder, allowed]) => {
  const banned = Object.keys(LIB_IMPORTS).filter((f) => f !== folder && !allowed.includes(f));
  const group = [...banned, 'components', 'entrypoints'].flatMap((f) => [`../${f}/*`, `../../${f}/*`, `@/lib/${f}/*`, `@/${f}/*`]);
  return {
    files: [`lib/${folder}/**`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group, message: `lib/${folder} may import only ${allowed.join(', ') || 'lib/ files'} (eslint.config.js LIB_IMPORTS).` }] }],
    },
  };
});

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test/fixtures/**', 'demo-screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
    },
  },
  ...layerRules,
  // Tests corrupt raw JSON on purpose to check the validators; a typed shape would forbid that.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
