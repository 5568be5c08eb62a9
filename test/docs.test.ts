/**
 * Every code example a reader can see is executed here: the ```ts blocks of README.md and
 * docs/*.md, and the `@example` blocks of the TSDoc in src/. Each block becomes a module under
 * test/.snippets/ (git-ignored) that imports the package by name (vitest aliases `cocreation`
 * to src/), and the test imports it: a failed assertion or a thrown error fails the test.
 * test/support/snippets.ts finds them; test/docs.types.test.ts type-checks the same list.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSnippets } from './support/snippets';

const outDir = join(import.meta.dirname, '.snippets');
const snippets = allSnippets();

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

describe('documentation examples', () => {
  it('finds examples in the README, the guides and the TSDoc', () => {
    expect(snippets.some((s) => s.source === 'README.md')).toBe(true);
    expect(snippets.some((s) => s.source.startsWith('src'))).toBe(true);
  });

  for (const [index, snippet] of snippets.entries()) {
    it(`runs ${snippet.source}:${snippet.line}`, async () => {
      const file = join(outDir, `snippet-${index}.ts`);
      writeFileSync(file, `${snippet.code}\nexport {};\n`);
      await import(file);
    });
  }
});
