/**
 * Every code example a reader can see is executed here: the ```ts blocks of README.md and
 * docs/*.md, and the `@example` blocks of the TSDoc in src/. Each block becomes a module under
 * test/.snippets/ (git-ignored) that imports the package by name (vitest aliases `cocreation`
 * to src/), and the test imports it: a failed assertion or a thrown error fails the test.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const outDir = join(import.meta.dirname, '.snippets');

interface Snippet {
  readonly source: string;
  readonly line: number;
  readonly code: string;
}

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** Fenced ```ts blocks of a markdown text, with the line each starts on. */
function fencedBlocks(text: string, source: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = text.split('\n');
  let start = -1;
  let body: string[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (start < 0 && /^```(ts|typescript)\s*$/.test(trimmed)) {
      start = index;
      body = [];
    } else if (start >= 0 && trimmed === '```') {
      snippets.push({ source, line: start + 1, code: body.join('\n') });
      start = -1;
    } else if (start >= 0) {
      body.push(line);
    }
  });
  return snippets;
}

/** The `@example` blocks of TSDoc comments: their ```ts fences, with the ` * ` margin removed. */
function tsdocExamples(text: string, source: string): Snippet[] {
  const snippets: Snippet[] = [];
  const comment = /\/\*\*[\s\S]*?\*\//g;
  for (let match = comment.exec(text); match !== null; match = comment.exec(text)) {
    const block = match[0];
    if (!block.includes('@example')) continue;
    const offset = text.slice(0, match.index).split('\n').length - 1;
    const unstarred = block
      .split('\n')
      .map((line) => line.replace(/^\s*\*( |$)/, '').replace(/^\s*\/\*\*/, ''))
      .join('\n');
    const examples = unstarred.slice(unstarred.indexOf('@example'));
    for (const snippet of fencedBlocks(examples, source)) {
      snippets.push({ ...snippet, line: snippet.line + offset });
    }
  }
  return snippets;
}

const markdown = [
  join(root, 'README.md'),
  ...walk(join(root, 'docs'), (f) => f.endsWith('.md') && !f.includes(`${join('docs', 'api')}`)),
];
const sources = walk(join(root, 'src'), (f) => f.endsWith('.ts'));

const snippets: Snippet[] = [
  ...markdown.flatMap((file) => fencedBlocks(readFileSync(file, 'utf8'), relative(root, file))),
  ...sources.flatMap((file) => tsdocExamples(readFileSync(file, 'utf8'), relative(root, file))),
];

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
