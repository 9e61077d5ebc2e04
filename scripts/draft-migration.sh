#!/usr/bin/env bash
# Prints the SQL that turns one Prisma schema into another, without Prisma's downloadable
# schema engine: Prisma 6.19's CLI carries a WASM schema engine that can diff two schema files
# when given a driver adapter. It needs a reachable PostgreSQL (any database; nothing is written).
#
#   scripts/draft-migration.sh [FROM_SCHEMA|--from-empty] [TO_SCHEMA]
#   default: from the schema at git HEAD to the working copy's prisma/schema.prisma
#
# Review the output, then save it as prisma/migrations/<timestamp>_<name>/migration.sql.
# tests/integration/platform/schema-agreement.test.ts checks that the result matches the schema.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
url=${DRAFT_DATABASE_URL:-postgresql://postgres:postgres@127.0.0.1:5432/postgres}
work=${DRAFT_WORKDIR:-/tmp/kieumau-draft-migration}
mkdir -p "$work/prisma"
if [ ! -d "$work/node_modules/prisma" ]; then
  (cd "$work" && echo '{"name":"draft","private":true}' > package.json &&
    npm install --silent --no-audit --no-fund prisma@6.19 @prisma/adapter-pg@6.19 pg >/dev/null)
fi
to=${2:-$root/prisma/schema.prisma}
adapt() { # Prisma 6 wants the url in the schema and the older generator name.
  sed -e 's/provider     = "prisma-client"/provider = "prisma-client-js"/' -e '/moduleFormat/d' -e '/^  output /d' \
    -e "s#^  provider = \"postgresql\"#  provider = \"postgresql\"\n  url = \"$url\"#" "$1"
}
if [ "${1:-}" = "--from-empty" ]; then
  from_args=(--from-empty)
else
  if [ -n "${1:-}" ]; then adapt "$1" > "$work/prisma/from.prisma"
  else (cd "$root" && git show HEAD:prisma/schema.prisma) > "$work/prisma/from.raw" && adapt "$work/prisma/from.raw" > "$work/prisma/from.prisma"; fi
  from_args=(--from-schema-datamodel prisma/from.prisma)
fi
adapt "$to" > "$work/prisma/schema.prisma"
cat > "$work/prisma.config.ts" <<CFG
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  adapter: async () => new PrismaPg({ connectionString: '$url' }),
} as never);
CFG
cd "$work"
PRISMA_QUERY_ENGINE_LIBRARY=/bin/true PRISMA_SCHEMA_ENGINE_BINARY=/bin/true \
  npx --no-install prisma migrate diff "${from_args[@]}" --to-schema-datamodel prisma/schema.prisma --script 2>/dev/null
