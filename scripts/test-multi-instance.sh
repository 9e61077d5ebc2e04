#!/usr/bin/env bash
# Two app instances on one PostgreSQL: sessions, lockouts and saves are shared. Needs a built app
# (npm start or next build) and a reachable server in TEST_PG_URL (default: local postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
server=${TEST_PG_URL:-postgresql://postgres:postgres@127.0.0.1:5432/postgres}
db=kieumau_multi
psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
url="${server%/*}/$db"
secret=$(node -e "console.log(require('crypto').randomBytes(48).toString('base64'))")
DATABASE_URL=$url npm run --silent db:migrate
DATABASE_URL=$url npm run --silent db:seed -- --demo
[ -f .next/BUILD_ID ] || npx next build
MULTI_DATABASE_URL=$url MULTI_SECRET=$secret npx playwright test -c playwright.multi.config.ts
psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
