#!/usr/bin/env bash
# Installs the packed tarball the way users do, with each package manager and the settings
# that leave peer dependencies out, each in a fresh folder under the system's temp dir; then
# imports it (ESM, CommonJS, and both in one process passing values both ways) and runs its
# bin. neverthrow is a dependency, so every install has it; fast-check, an optional peer, is
# absent from all of them, and the main entry must not need it. Last, the bin runs with
# neverthrow removed: it bundles what it needs.
#
# Usage: bash scripts/install-matrix.sh  (after `npm run build`; only the npm registry is
# needed: yarn and pnpm are fetched from it with npx).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$repo"
version="$(node -p "require('./package.json').version")"
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
started=$SECONDS

# The checks a user's first lines would make, in ESM and in CommonJS.
cat >"$work/check.mjs" <<'JS'
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as esmMain from 'cocreation';
import * as esmLocales from 'cocreation/locales';
import * as esmWire from 'cocreation/wire';

const require = createRequire(import.meta.url);
const esm = { ...esmMain, ...esmWire, ...esmLocales };
const cjs = { ...require('cocreation'), ...require('cocreation/wire'), ...require('cocreation/locales') };
assert.notEqual(esm.money, cjs.money, 'two module instances');
const doc = {
  product: { id: 'p1', mainCreator: 'ana@example.com' },
  contracts: [],
  sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
    price: { amount: '10.00', currency: 'BRL' } },
  refunds: [{ id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '4.00', currency: 'BRL' } }],
};
// A value made by one build is as good in the other, and after a structuredClone.
for (const [maker, taker] of [[esm, cjs], [cjs, esm]]) {
  const parsed = maker.parseDocument(doc)._unsafeUnwrap();
  const { settlement } = taker.settleDocument(parsed)._unsafeUnwrap();
  assert.deepEqual(settlement.lines.map((l) => l.amount), [0n, 1000n]);
  assert.match(taker.explain(structuredClone(settlement)), /^Settlement of sale s1/);
  // A catalog of one build writes in the other.
  assert.match(taker.explain(settlement, [], { locale: maker.ptBR }), /^Liquidação da venda s1/);
  const reversal = taker.refundSale(structuredClone(settlement), [], parsed.refunds[0]);
  assert.deepEqual(reversal._unsafeUnwrap().lines.map((l) => l.amount), [0n, -400n]);
  assert.equal(taker.money(100n, maker.currency('BRL')._unsafeUnwrap()).isOk(), true);
}
console.log('  import ok: ESM, CommonJS, values passed both ways');
JS
cat >"$work/check.cjs" <<'JS'
const assert = require('node:assert/strict');
const { parseMoney } = require('cocreation');
assert.equal(parseMoney('19.9', 'BRL')._unsafeUnwrap().amount, 1990n);
console.log('  require ok');
JS

# Installs the tarball into a fresh folder with the command given, then checks it.
check() {
  local name="$1"
  shift
  local app="$work/$name"
  mkdir -p "$app"
  printf '{ "name": "install-matrix-%s", "version": "1.0.0", "private": true }\n' "$name" \
    >"$app/package.json"
  cp "$work/check.mjs" "$work/check.cjs" "$app/"
  local t0=$SECONDS
  (cd "$app" && "$@" >"$work/$name.log" 2>&1) || {
    echo "install FAILED: $name"
    cat "$work/$name.log"
    return 1
  }
  echo "$name: installed in $((SECONDS - t0)) s"
  if [ -e "$app/node_modules/fast-check" ]; then
    echo "  fast-check was installed, but it is an optional peer"
    return 1
  fi
  (cd "$app" && node check.mjs && node check.cjs)
  local printed
  printed="$(cd "$app" && npx --no-install cocreation --version)"
  [ "$printed" = "$version" ] || {
    echo "  cocreation --version printed '$printed', expected '$version'"
    return 1
  }
  echo "  npx cocreation --version ok"
  check_jobs "$app" || return 1
}

# `settle --jsonl --jobs 2` from an installed package: its worker threads run dist/cli.js
# itself, found from the bin (through the package manager's links), and print what one
# thread prints.
check_jobs() {
  local doc='{"product":{"id":"p1","mainCreator":"ana@example.com"},"contracts":[],"sale":{"id":"s1","productId":"p1","at":"2026-03-01T12:00:00Z","price":{"amount":"10.00","currency":"USD"}}}'
  local one two
  one="$(cd "$1" && printf '%s\n%s\nx\n' "$doc" "$doc" | npx --no-install cocreation settle --jsonl --jobs 1 || true)"
  two="$(cd "$1" && printf '%s\n%s\nx\n' "$doc" "$doc" | npx --no-install cocreation settle --jsonl --jobs 2 || true)"
  if [ "$(printf '%s\n' "$one" | wc -l)" != 3 ] || [ "$one" != "$two" ]; then
    echo "  settle --jsonl --jobs 2 printed '$two', --jobs 1 '$one'"
    return 1
  fi
  echo "  npx cocreation settle --jsonl --jobs 2 ok"
}

npm_install=(npm install --no-audit --no-fund --prefer-offline)
check npm "${npm_install[@]}" "$tarball"
check npm-legacy-peer-deps "${npm_install[@]}" --legacy-peer-deps "$tarball"
check yarn1 npx --yes yarn@1 add --cache-folder "$work/yarn-cache" --non-interactive "$tarball"
check pnpm npx --yes pnpm@12 add --store-dir "$work/pnpm-store" "$tarball"
check pnpm-strict-peers npx --yes pnpm@12 add --store-dir "$work/pnpm-store" \
  --config.auto-install-peers=false --config.strict-peer-dependencies=true "$tarball"

# The bin bundles neverthrow: it runs even where the library's dependency is missing.
rm -rf "$work/npm/node_modules/neverthrow"
printed="$(cd "$work/npm" && npx --no-install cocreation --version)"
[ "$printed" = "$version" ] || {
  echo "cocreation --version without neverthrow printed '$printed'"
  exit 1
}
echo "npx cocreation --version ok without neverthrow"
check_jobs "$work/npm" || exit 1
echo "install matrix: every install ok in $((SECONDS - started)) s"
