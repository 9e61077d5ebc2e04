import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.data/**',
    'lib/generated/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
  ]),
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // One link: components/ui/link.tsx (no prefetching, which dynamic pages do not gain from).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'next/link',
              importNames: ['default'],
              message: "Import Link from '@/components/ui/link' (it does not prefetch).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/ui/link.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Building an Intl number or date formatter costs far more than using one: a dashboard that
    // built one per signed figure spent 4 ms of every request on it. lib/i18n/format.ts builds
    // each once per locale and options and keeps it; format through it.
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/i18n/format.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "NewExpression[callee.object.name='Intl'][callee.property.name=/^(NumberFormat|DateTimeFormat)$/]",
          message: 'Format numbers and dates with lib/i18n/format.ts (it keeps its formatters).',
        },
      ],
    },
  },
]);
