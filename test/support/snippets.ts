/**
 * Every code example a reader can see, found once for the tests that use them: the ```ts blocks
 * of README.md and docs/*.md (not the generated docs/api/), and the ```ts blocks after
 * `@example` in the TSDoc of src/. test/docs.test.ts runs each one; test/docs.types.test.ts
 * type-checks them all in one TypeScript program. Each snippet knows the file and line of its
 * opening fence, so a failure says where to look.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The repository's root. */
export const root = join(import.meta.dirname, '..', '..');

/** One ```ts block as a reader sees it. */
export interface Snippet {
  /** The file it is in, relative to the root, with `/` separators (`README.md`, `src/x.ts`). */
  readonly source: string;
  /** The 1-based line of its opening fence in that file; its first line of code is `line + 1`. */
  readonly line: number;
  /** Its code, without the fences (and without the ` * ` margin of a TSDoc comment). */
  readonly code: string;
}

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path, keep);
      return keep(path) ? [path] : [];
    });
}

/** Fenced ```ts blocks of a markdown text, with the line each opening fence is on. */
export function fencedBlocks(text: string, source: string): Snippet[] {
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
export function tsdocExamples(text: string, source: string): Snippet[] {
  const snippets: Snippet[] = [];
  const comment = /\/\*\*[\s\S]*?\*\//g;
  for (let match = comment.exec(text); match !== null; match = comment.exec(text)) {
    const block = match[0];
    const at = block.indexOf('@example');
    if (at < 0) continue;
    // The 0-based line of the `@example` tag in the file: the fences are counted from it.
    const tagLine = text.slice(0, match.index + at).split('\n').length - 1;
    const examples = block
      .slice(block.lastIndexOf('\n', at) + 1)
      .split('\n')
      .map((line) => line.replace(/^\s*\*( |$)/, ''))
      .join('\n');
    for (const snippet of fencedBlocks(examples, source)) {
      snippets.push({ ...snippet, line: snippet.line + tagLine });
    }
  }
  return snippets;
}

function relativeSource(file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** Every snippet of README.md, docs/*.md and the TSDoc of src/, in a stable order. */
export function allSnippets(): Snippet[] {
  const generated = join(root, 'docs', 'api');
  const markdown = [
    join(root, 'README.md'),
    ...walk(join(root, 'docs'), (f) => f.endsWith('.md') && !f.startsWith(generated + sep)),
  ];
  const sources = walk(join(root, 'src'), (f) => f.endsWith('.ts'));
  return [
    ...markdown.flatMap((file) => fencedBlocks(readFileSync(file, 'utf8'), relativeSource(file))),
    ...sources.flatMap((file) => tsdocExamples(readFileSync(file, 'utf8'), relativeSource(file))),
  ];
}
