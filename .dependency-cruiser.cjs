/**
 * The layers and what may import what (see ARCHITECTURE.md), checked by `npm run lint`:
 *   app → components → actions → validations / data → domain
 * Pure rules (lib/domain) import nothing of the app's but each other and the pure wording helpers
 * (lib/i18n/format.ts, the message catalogues); nothing in lib imports a
 * page or a component; and no module reaches itself again through its imports.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties modules that should depend one way: move what both need lower down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'lib/domain holds pure rules: no database, no actions, no UI, no server-only code. ' +
        'It may word and format what it builds (lib/i18n/format.ts, the message catalogues): pure too.',
      from: { path: '^lib/domain/' },
      to: {
        path: '^(app|components|lib/)',
        pathNot: '^lib/(domain/|i18n/(config|translator|format|result-text)\\.ts$|i18n/messages/)',
      },
    },
    {
      name: 'validations-below-data',
      severity: 'error',
      comment: 'Schemas check input; they may use domain rules, not the database or the UI.',
      from: { path: '^lib/validations/' },
      to: { path: '^(app|components|lib/(actions|data)/)' },
    },
    {
      name: 'data-below-actions',
      severity: 'error',
      comment: 'lib/data is called by actions, routes and pages, never the other way round.',
      from: { path: '^lib/data/' },
      to: { path: '^(app|components|lib/actions)/' },
    },
    {
      name: 'actions-below-ui',
      severity: 'error',
      comment: 'Server actions are called by components and pages; they import neither.',
      from: { path: '^lib/actions/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'lib-below-ui',
      severity: 'error',
      comment: 'Nothing in lib imports a page or a component.',
      from: { path: '^lib/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'components-below-app',
      severity: 'error',
      comment: 'Components are used by pages; a component never imports a route.',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^lib/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
