#!/usr/bin/env bash
# Runs every program in examples/ against the packed tarball installed into a fresh project,
# as a user would get it from npm (not against src/). Each example asserts its own output.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$repo"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
mkdir -p "$work/app"
cd "$work/app"
cat > package.json <<JSON
{ "name": "examples-app", "private": true, "type": "module" }
JSON
version_of() { node -p "require('$repo/node_modules/$1/package.json').version"; }
# neverthrow is a dependency of the package: the tarball alone is what a user installs.
# examples/postgres.ts keeps its data in PGlite (or, with DATABASE_URL, a server through pg),
# and examples/parallel-ledger.ts starts its workers from TypeScript through tsx's API: the app
# installs them at the versions the repository tests with, as a user's app would.
npm install --no-audit --no-fund --prefer-offline --silent "$work/$tarball" \
  "@electric-sql/pglite@$(version_of @electric-sql/pglite)" "pg@$(version_of pg)" \
  "tsx@$(version_of tsx)" >/dev/null
cp "$repo"/examples/*.ts .
status=0
for example in *.ts; do
  if "$repo/node_modules/.bin/tsx" "$example" >"$work/out.txt" 2>&1; then
    echo "example ok: $example"
  else
    echo "example FAILED: $example"
    cat "$work/out.txt"
    status=1
  fi
done
# The bin must work as `npx cocreation` from an installed package.
npx --no-install cocreation --version >/dev/null && echo "npx cocreation --version ok"
# ... and settle --jsonl on worker threads, which run the installed dist/cli.js itself.
doc='{"product":{"id":"p1","mainCreator":"ana@example.com"},"contracts":[],"sale":{"id":"s1","productId":"p1","at":"2026-03-01T12:00:00Z","price":{"amount":"10.00","currency":"USD"}}}'
one="$(printf '%s\n%s\n' "$doc" "$doc" | npx --no-install cocreation settle --jsonl --jobs 1)"
two="$(printf '%s\n%s\n' "$doc" "$doc" | npx --no-install cocreation settle --jsonl --jobs 2)"
if [ -n "$one" ] && [ "$one" = "$two" ]; then
  echo "npx cocreation settle --jsonl --jobs 2 ok"
else
  echo "npx cocreation settle --jsonl --jobs 2 FAILED: '$two', --jobs 1 printed '$one'"
  status=1
fi
exit "$status"
