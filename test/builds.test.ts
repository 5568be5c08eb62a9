/**
 * Both builds in one process (issue 15): a program may load the ESM build (`import`) and the
 * CommonJS build (`require`, from a dependency) side by side, each with its own module state
 * (and its own neverthrow). A value made by one is as good as the same value made by the other:
 * every function of the table in test/support/travel.ts gives, on values made by one build,
 * the same answer from the other build as from the build that made them.
 */
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support/built-package';
import { type Api, kindsOf, outcome, worldArb } from './support/travel';

const builds: Record<'ESM' | 'CommonJS', Api> = {} as Record<'ESM' | 'CommonJS', Api>;

beforeAll(async () => {
  ensureBuilt();
  const dist = join(ROOT, 'dist');
  const esm = await import(/* @vite-ignore */ pathToFileURL(join(dist, 'index.js')).href);
  const esmTesting = await import(
    /* @vite-ignore */ pathToFileURL(join(dist, 'testing', 'index.js')).href
  );
  const esmWire = await import(
    /* @vite-ignore */ pathToFileURL(join(dist, 'wire', 'index.js')).href
  );
  const require = createRequire(import.meta.url);
  const cjs = require(join(dist, 'index.cjs'));
  const cjsWire = require(join(dist, 'wire', 'index.cjs'));
  const cjsTesting = require(join(dist, 'testing', 'index.cjs'));
  builds.ESM = { ...esm, ...esmWire, diffSettlements: esmTesting.diffSettlements };
  builds.CommonJS = { ...cjs, ...cjsWire, diffSettlements: cjsTesting.diffSettlements };
}, 180_000);

describe('the bin', () => {
  it('imports only Node built-ins, so it runs whatever was installed beside it', () => {
    const code = readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8');
    const specifiers = [
      ...code.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*["']([^"']+)["']/g),
    ].map((m) => m[1] as string);
    expect(specifiers.length).toBeGreaterThan(0);
    const builtins = new Set(builtinModules);
    expect(specifiers.filter((s) => !builtins.has(s.replace(/^node:/, '')))).toEqual([]);
  });
});

describe('the ESM and CommonJS builds loaded side by side', () => {
  it('are two module instances, each with its own currency objects', () => {
    const esmBrl = builds.ESM.currency('BRL')._unsafeUnwrap();
    const cjsBrl = builds.CommonJS.currency('BRL')._unsafeUnwrap();
    expect(esmBrl).not.toBe(cjsBrl);
    expect(builds.ESM.money).not.toBe(builds.CommonJS.money);
  });

  it('accept a currency of the other build, and make the same money with it', () => {
    const fromCjs = builds.CommonJS.currency('BRL')._unsafeUnwrap();
    const made = builds.ESM.money(100n, fromCjs)._unsafeUnwrap();
    expect(made.currency).toBe(builds.ESM.currency('BRL')._unsafeUnwrap());
    expect(made).toStrictEqual(builds.CommonJS.money(100n, fromCjs)._unsafeUnwrap());
  });

  for (const [maker, taker] of [
    ['ESM', 'CommonJS'],
    ['CommonJS', 'ESM'],
  ] as const) {
    it(`give values made by the ${maker} build the same answer from every function of the ${taker} build`, () => {
      const made = builds[maker];
      const taken = builds[taker];
      const makerKinds = kindsOf(made);
      const takerKinds = kindsOf(taken);
      fc.assert(
        fc.property(worldArb(made), (world) => {
          makerKinds.forEach((kind, k) => {
            const value = kind.pick(world);
            if (value === undefined) return;
            const uses = (takerKinds[k] as (typeof takerKinds)[number]).uses;
            for (const [name, use] of Object.entries(kind.uses)) {
              const other = uses[name] as typeof use;
              expect(outcome(other(value, world)), `${kind.name}: ${name}`).toStrictEqual(
                outcome(use(value, world)),
              );
            }
          });
        }),
        { numRuns: 15 },
      );
    });
  }
});
