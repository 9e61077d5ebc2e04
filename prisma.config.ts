import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate` here: migrations are applied by our own
// runner (scripts/db-migrate.ts) because the schema engine binary cannot be downloaded offline.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
