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
  // Evidence files travel through server actions; the configured limit (EVIDENCE_MAX_MB, 20 by
  // default, at most 90) is enforced by the action, this only caps what Next.js will accept.
  experimental: { serverActions: { bodySizeLimit: '100mb' } },
};

export default withNextIntl(nextConfig);
