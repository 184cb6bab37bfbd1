// Type-aware lint for every TypeScript project; Nx module boundaries enforced through the tags in each package.json.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.devnet/**',
      '.nx/**',
      '**/*.mjs',
      '**/*.js',
      'charts/**',
      'k8s/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      complexity: ['error', 12],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/explicit-function-return-type': [
        'error',
        { allowExpressions: true, allowTypedFunctionExpressions: true },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:util'] },
            // The LR software depends on nothing of ours; its tests use the synthetic signals (type:util).
            { sourceTag: 'type:lr', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:util', 'type:contract'] },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:data-access'],
            },
            {
              sourceTag: 'type:chaincode',
              onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:lr'],
            },
            // What the command-line tools share (HTTP clients, endpoints, options, CLI skeleton, fakes).
            { sourceTag: 'type:tool-kit', onlyDependOnLibsWithTags: ['type:util', 'type:contract'] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:tool-kit'],
            },
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: [
                'type:util',
                'type:contract',
                'type:data-access',
                'type:platform',
                'type:lr',
              ],
            },
            {
              sourceTag: 'type:test',
              onlyDependOnLibsWithTags: [
                'type:util',
                'type:contract',
                'type:data-access',
                'type:platform',
                'type:tool',
                'type:tool-kit',
                'type:lr',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // One messaging path: services reach Kafka through @metrochain/messaging, which owns kafkajs.
    files: ['services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kafkajs',
              message: 'Use @metrochain/messaging (and @metrochain/messaging/testing in specs) instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'max-lines': 'off',
    },
  },
  {
    // The bad-input corpus is data: one file of cases, as long as the routes and kinds of bad input it covers.
    files: ['tests/integration/src/bad-input/cases.ts'],
    rules: { 'max-lines': 'off' },
  },
);
