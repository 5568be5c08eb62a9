/**
 * The conformance vectors of test/vectors/*.json, run through the oracle as a function
 * (`settleToJson`, `settleText`) and through the built CLI in both modes. A success must
 * equal the expected output exactly; a refusal must report exactly the expected set of
 * `{ code, path }` (messages are for people and may change).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SettleOutputJson, settleText, settleToJson } from '../src/json';
import { ensureBuilt, ROOT, runCli } from './support/built-package';

interface Vector {
  readonly file: string;
  readonly description: string;
  /** The document as JSON data, or `documentText` sent verbatim. */
  readonly document?: unknown;
  readonly documentText?: string;
  readonly expected: SettleOutputJson;
}

const DIR = join(ROOT, 'test', 'vectors');

function loadVectors(): Vector[] {
  let files: string[];
  try {
    files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .sort()
    .map((file) => ({ file, ...JSON.parse(readFileSync(join(DIR, file), 'utf8')) }));
}

const vectors = loadVectors();

function textOf(vector: Vector): string {
  return vector.documentText ?? JSON.stringify(vector.document);
}

/** An error list as a sorted list of `{ code, path }` keys: order and messages do not count. */
function errorKeys(errors: ReadonlyArray<{ readonly code: string; readonly path: unknown }>) {
  return errors.map((e) => JSON.stringify([e.code, e.path])).sort();
}

/** Checks one answer against the vector's expected output. */
function expectConforms(vector: Vector, answer: SettleOutputJson): void {
  const expected = vector.expected;
  if (expected.ok) {
    expect(answer, vector.file).toEqual(expected);
    return;
  }
  expect(answer.ok, `${vector.file} must be refused`).toBe(false);
  if (answer.ok) return;
  expect(errorKeys(answer.errors), vector.file).toEqual(errorKeys(expected.errors));
}

describe('conformance vectors', () => {
  if (vectors.length === 0) it.skip('are not written yet (test/vectors/ is empty)', () => {});

  describe.skipIf(vectors.length === 0)('as files', () => {
    it('each have a description, an expected output, and a document or a document text', () => {
      for (const vector of vectors) {
        expect(typeof vector.description, vector.file).toBe('string');
        expect(typeof vector.expected?.ok, vector.file).toBe('boolean');
        expect(
          (vector.document === undefined) !== (vector.documentText === undefined),
          vector.file,
        ).toBe(true);
      }
    });
  });

  describe.skipIf(vectors.length === 0)('through settleToJson and settleText', () => {
    for (const vector of vectors) {
      it(`${vector.file}: ${vector.description}`, () => {
        if (vector.documentText === undefined)
          expectConforms(vector, settleToJson(vector.document));
        expectConforms(vector, JSON.parse(settleText(textOf(vector))));
      });
    }
  });

  // Skipped in the mutation run (vitest.mutation.config.ts): dist/ is not mutated.
  const inProcessOnly = process.env.COCREATION_IN_PROCESS_ONLY === '1';
  describe.skipIf(vectors.length === 0 || inProcessOnly)('through the built CLI', () => {
    beforeAll(() => ensureBuilt(), 180_000);

    it('answers each vector in one-document mode, exit 0 when settled and 1 when refused', async () => {
      const pending = [...vectors];
      const worker = async () => {
        for (let vector = pending.shift(); vector !== undefined; vector = pending.shift()) {
          const run = await runCli(['settle'], textOf(vector));
          expect(run.stderr, vector.file).toBe('');
          expect(run.status, vector.file).toBe(vector.expected.ok ? 0 : 1);
          expect(run.stdout.endsWith('\n'), vector.file).toBe(true);
          expect(run.stdout.slice(0, -1), vector.file).not.toContain('\n');
          expectConforms(vector, JSON.parse(run.stdout));
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    }, 120_000);

    it('answers every vector, in order, from one --jsonl process', async () => {
      // A text with a line break cannot be one line of JSONL; those vectors run above.
      const oneLine = vectors.filter((v) => !/[\r\n]/.test(textOf(v)));
      const run = await runCli(['settle', '--jsonl'], `${oneLine.map(textOf).join('\n')}\n`);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(oneLine.every((v) => v.expected.ok) ? 0 : 1);
      const answers = run.stdout.slice(0, -1).split('\n');
      expect(answers).toHaveLength(oneLine.length);
      oneLine.forEach((vector, index) => {
        expectConforms(vector, JSON.parse(answers[index] ?? ''));
      });
    }, 120_000);
  });
});
