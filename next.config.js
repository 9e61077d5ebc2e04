import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@node-rs/argon2',
    'exceljs',
    'pptxgenjs',
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // Evidence files travel through server actions. scripts/server.ts refuses bodies over the
  // configured limit (EVIDENCE_MAX_MB, 20 by default, at most 90) before reading them, and bodies
  // over 1 MB without a signed session; the action checks the file again. These caps only keep
  // Next.js (and proxy.ts, which would otherwise cut bodies at 10 MB) out of the way.
  experimental: {
    serverActions: { bodySizeLimit: '100mb' },
    proxyClientMaxBodySize: '100mb',
  },
};

export default withNextIntl(nextConfig);
