#!/usr/bin/env bash
# The whole test suite (`npm test`): type check, lint, integration tests on PGlite and on
# PostgreSQL, production build, browser tests (on PostgreSQL, a few on the embedded database: see
# playwright.config.ts). Stops at the first failing stage.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-test-deps.sh
TEST_DB_URL="$(cat test-results/test-database-url)"
[ -n "$TEST_DB_URL" ] || { echo "test-results/test-database-url is empty" >&2; exit 1; }
# The several-nodes tests (two nodes over one PostgreSQL and Redis) on both vitest stages.
TEST_REDIS_URL="$(cat test-results/test-redis-url)"
export TEST_REDIS_URL

SUITE_START=$SECONDS

stage() {
  local name="$1" started=$SECONDS
  shift
  printf '\n==================== %s ====================\n' "$name"
  if "$@"; then
    printf -- '---- %s: passed in %ss\n' "$name" "$((SECONDS - started))"
  else
    local status=$?
    printf -- '---- %s: FAILED (exit %s) after %ss\n' "$name" "$status" "$((SECONDS - started))" >&2
    exit "$status"
  fi
}

stage "typecheck" npm run typecheck
stage "lint" npm run lint
stage "integration tests (PGlite)" env -u TEST_DATABASE_URL npx vitest run
stage "integration tests (PostgreSQL)" env TEST_DATABASE_URL="$TEST_DB_URL" npx vitest run
stage "build" npm run build
stage "browser tests (Playwright)" env E2E_DATABASE_SERVER="$TEST_DB_URL" npx playwright test

printf '\nAll stages passed in %ss\n' "$((SECONDS - SUITE_START))"
