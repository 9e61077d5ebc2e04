import createNextIntlPlugin from 'next-intl/plugin';

// The catalogues are compiled when the app is built (next-intl's `precompile`, icu-minify): a page
// formats its messages without parsing ICU syntax on every request, and the browser gets no
// message parser. Scripts and tests read the same JSON and compile at run time; the output is the
// same (tests/unit/i18n-precompiled.test.ts).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm run dev` is also opened as http://127.0.0.1:<port> (scripts, browser tests).
  allowedDevOrigins: ['127.0.0.1'],
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@node-rs/argon2',
    'exceljs',
    'pptxgenjs',
  ],
  poweredByHeader: false,
  // `next dev` would otherwise write an AGENTS.md of upgrade reminders into the checkout (an
  // untracked file in every developer's tree) and look for Next.js upgrades: releases here are
  // chosen and pinned in package-lock.json.
  agentRules: false,
  typedRoutes: false,
  // Evidence uploads go to a route that streams them (app/api/uploads/evidence, which proxy.ts
  // skips); server actions still take small files (criteria sets, 2 MB). scripts/server.ts refuses
  // bodies over the evidence limit (EVIDENCE_MAX_MB, 20 by default, at most 90) before reading
  // them, and bodies over 1 MB without a signed session; each action checks its file itself and
  // answers a clear message. These caps only keep Next.js (and proxy.ts, which would otherwise cut
  // bodies at 10 MB) from refusing first with a bare error.
  experimental: {
    agentUpgrade: false,
    serverActions: { bodySizeLimit: '100mb' },
    proxyClientMaxBodySize: '100mb',
  },
};

export default withNextIntl(nextConfig);
