/**
 * The conformance vectors of test/vectors/*.json (format: test/vectors/README.md), run through
 * the oracle as a function (`settleToJson`, `settleText`) and through the built CLI in both
 * modes. A success must equal the expected output exactly; a refusal must report every
 * `{ code, path }` of `errors`, may report those of `optionalErrors`, and nothing else
 * (messages are for people and may change). Raw-byte vectors (`documentBase64`) and JSONL
 * vectors (`jsonlBase64`) are bytes, not text, so they go to the CLI only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SettleOutputJson } from '../src/wire/json';
import { settleText, settleToJson } from '../src/wire/oracle';
import { ensureBuilt, ROOT, runCli } from './support/built-package';

interface ErrorKey {
  readonly code: string;
  readonly path: ReadonlyArray<string | number>;
}

/** An expected output: a success as printed, or a refusal with its required and optional errors. */
type Expected =
  | Extract<SettleOutputJson, { ok: true }>
  | {
      readonly ok: false;
      readonly errors: ReadonlyArray<ErrorKey>;
      readonly optionalErrors?: ReadonlyArray<ErrorKey>;
    };

interface Vector {
  readonly file: string;
  readonly description: string;
  readonly spec: string;
  /** One document: as JSON data, as text sent verbatim, or as bytes (base64). */
  readonly document?: unknown;
  readonly documentText?: string;
  readonly documentBase64?: string;
  readonly expected?: Expected;
  /** A whole `--jsonl` input as bytes (base64), with one expected output per line. */
  readonly jsonlBase64?: string;
  readonly expectedLines?: ReadonlyArray<Expected>;
  readonly expectedExit?: number;
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
const documents = vectors.filter((v) => v.jsonlBase64 === undefined);
const textVectors = documents.filter((v) => v.documentBase64 === undefined);
const jsonlVectors = vectors.filter((v) => v.jsonlBase64 !== undefined);

function textOf(vector: Vector): string {
  return vector.documentText ?? JSON.stringify(vector.document);
}

/** What the CLI reads for a one-document vector: its bytes, or its text as UTF-8. */
function inputOf(vector: Vector): string | Buffer {
  return vector.documentBase64 === undefined
    ? textOf(vector)
    : Buffer.from(vector.documentBase64, 'base64');
}

function expectedOf(vector: Vector): Expected {
  if (vector.expected === undefined) throw new Error(`${vector.file} has no expected output`);
  return vector.expected;
}

function key(error: ErrorKey): string {
  return JSON.stringify([error.code, error.path]);
}

/** Checks one answer against an expected output; `where` names the vector (and line). */
function expectConforms(where: string, expected: Expected, answer: SettleOutputJson): void {
  if (expected.ok) {
    expect(answer, where).toEqual(expected);
    return;
  }
  expect(answer.ok, `${where} must be refused`).toBe(false);
  if (answer.ok) return;
  const actual = new Set(answer.errors.map(key));
  const required = expected.errors.map(key);
  const allowed = new Set([...required, ...(expected.optionalErrors ?? []).map(key)]);
  expect(actual.size, `${where} reports at least one error`).toBeGreaterThan(0);
  expect(
    required.filter((k) => !actual.has(k)),
    `${where}: required errors missing`,
  ).toEqual([]);
  expect(
    [...actual].filter((k) => !allowed.has(k)).sort(),
    `${where}: errors neither required nor optional`,
  ).toEqual([]);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The format rules of test/vectors/README.md that a runner relies on. */
function formatProblems(vector: Vector): string[] {
  const problems: string[] = [];
  if (typeof vector.description !== 'string' || vector.description.length < 20)
    problems.push('description is a sentence');
  if (typeof vector.spec !== 'string') problems.push('spec names sections');
  const expectations = vector.jsonlBase64 === undefined ? [vector.expected] : vector.expectedLines;
  if (vector.jsonlBase64 === undefined) {
    const kinds = [vector.document, vector.documentText, vector.documentBase64];
    if (kinds.filter((k) => k !== undefined).length !== 1)
      problems.push('exactly one of document, documentText, documentBase64');
    if (vector.documentText !== undefined && /^\uFEFF|[\r\n]/.test(vector.documentText))
      problems.push('documentText has no line break and no leading BOM');
  } else {
    if (!BASE64.test(vector.jsonlBase64)) problems.push('jsonlBase64 is base64');
    if (!Array.isArray(vector.expectedLines)) problems.push('expectedLines is an array');
    const allSettle = (vector.expectedLines ?? []).every((line) => line.ok);
    if (vector.expectedExit !== (allSettle ? 0 : 1))
      problems.push('expectedExit is 0 when every line settles, else 1');
  }
  if (vector.documentBase64 !== undefined && !BASE64.test(vector.documentBase64))
    problems.push('documentBase64 is base64');
  for (const expected of expectations ?? []) {
    if (typeof expected?.ok !== 'boolean') problems.push('an expected output has ok');
    else if (!expected.ok) {
      const all = [...expected.errors, ...(expected.optionalErrors ?? [])];
      if (all.length === 0) problems.push('a refusal names at least one error');
      if (new Set(all.map(key)).size !== all.length) problems.push('an error is listed twice');
      if (expected.optionalErrors !== undefined && expected.optionalErrors.length === 0)
        problems.push('optionalErrors, when present, is not empty');
    }
  }
  return problems;
}

/** The expected lines of a JSONL vector, checked against the CLI's output. */
function expectLines(vector: Vector, stdout: string): void {
  const lines = vector.expectedLines ?? [];
  expect(stdout.endsWith('\n'), vector.file).toBe(true);
  const answers = stdout.slice(0, -1).split('\n');
  expect(answers, vector.file).toHaveLength(lines.length);
  lines.forEach((expected, index) => {
    expectConforms(`${vector.file} line ${index + 1}`, expected, JSON.parse(answers[index] ?? ''));
  });
}

describe('conformance vectors', () => {
  if (vectors.length === 0) it.skip('are not written yet (test/vectors/ is empty)', () => {});

  describe.skipIf(vectors.length === 0)('as files', () => {
    it('each follow the format of test/vectors/README.md', () => {
      for (const vector of vectors) expect(formatProblems(vector), vector.file).toEqual([]);
    });

    it('are as many as the oracle guide says the package ships', () => {
      const guide = readFileSync(join(ROOT, 'docs', 'oracle.md'), 'utf8');
      expect(/The package ships (\d+) question-and-answer pairs/.exec(guide)?.[1]).toBe(
        String(vectors.length),
      );
    });

    it('tell a refusal that lacks an optional error from one with an unexpected error', () => {
      const expected: Expected = {
        ok: false,
        errors: [{ code: 'invalid_field', path: ['sale', 'id'] }],
        optionalErrors: [{ code: 'invalid_json', path: [] }],
      };
      const refusal = (...codes: string[]): SettleOutputJson =>
        ({
          ok: false,
          errors: codes.map((code) => ({
            code,
            message: '',
            path: code === 'invalid_json' ? [] : ['sale', 'id'],
          })),
        }) as unknown as SettleOutputJson;
      expectConforms('required only', expected, refusal('invalid_field'));
      expectConforms('required and optional', expected, refusal('invalid_field', 'invalid_json'));
      expect(() => expectConforms('optional only', expected, refusal('invalid_json'))).toThrow();
      expect(() =>
        expectConforms('unexpected', expected, refusal('invalid_field', 'invalid_amount')),
      ).toThrow();
    });
  });

  describe.skipIf(textVectors.length === 0)('through settleToJson and settleText', () => {
    for (const vector of textVectors) {
      it(`${vector.file}: ${vector.description}`, () => {
        if (vector.document !== undefined)
          expectConforms(vector.file, expectedOf(vector), settleToJson(vector.document));
        expectConforms(vector.file, expectedOf(vector), JSON.parse(settleText(textOf(vector))));
      });
    }
  });

  // Skipped in the mutation run (vitest.mutation.config.ts): dist/ is not mutated.
  const inProcessOnly = process.env.COCREATION_IN_PROCESS_ONLY === '1';
  describe.skipIf(vectors.length === 0 || inProcessOnly)('through the built CLI', () => {
    beforeAll(() => ensureBuilt(), 180_000);

    it('answers each vector in one-document mode, exit 0 when settled and 1 when refused', async () => {
      const pending = [...documents];
      const worker = async () => {
        for (let vector = pending.shift(); vector !== undefined; vector = pending.shift()) {
          const expected = expectedOf(vector);
          const run = await runCli(['settle'], inputOf(vector));
          expect(run.stderr, vector.file).toBe('');
          expect(run.status, vector.file).toBe(expected.ok ? 0 : 1);
          expect(run.stdout.endsWith('\n'), vector.file).toBe(true);
          expect(run.stdout.slice(0, -1), vector.file).not.toContain('\n');
          expectConforms(vector.file, expected, JSON.parse(run.stdout));
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      // One process per vector, about 300 of them: on a loaded two-core machine this takes
      // minutes, not seconds. The limit only stops a hung CLI; it measures nothing.
    }, 600_000);

    it('answers every text vector, in order, from one --jsonl process', async () => {
      // A text with a line break cannot be one line of JSONL; those vectors run above. Raw-byte
      // vectors run above too: a byte-order mark is ignored only at the start of the input.
      const oneLine = textVectors.filter((v) => !/[\r\n]/.test(textOf(v)));
      const run = await runCli(['settle', '--jsonl'], `${oneLine.map(textOf).join('\n')}\n`);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(oneLine.every((v) => expectedOf(v).ok) ? 0 : 1);
      const answers = run.stdout.slice(0, -1).split('\n');
      expect(answers).toHaveLength(oneLine.length);
      oneLine.forEach((vector, index) => {
        expectConforms(vector.file, expectedOf(vector), JSON.parse(answers[index] ?? ''));
      });
    }, 120_000);

    it.skipIf(jsonlVectors.length === 0)(
      'answers each JSONL vector line by line, with its exit status',
      async () => {
        for (const vector of jsonlVectors) {
          const run = await runCli(
            ['settle', '--jsonl'],
            Buffer.from(vector.jsonlBase64 ?? '', 'base64'),
          );
          expect(run.stderr, vector.file).toBe('');
          expect(run.status, vector.file).toBe(vector.expectedExit);
          expectLines(vector, run.stdout);
        }
      },
      120_000,
    );
  });
});
