/**
 * The command-line oracle (specification §9), run as users run it: the built `dist/cli.js`,
 * in a child process, with files, stdin and exit statuses.
 */
import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors';
import { documentJson, malformedDocument } from '../src/testing';
import { parseDocument } from '../src/wire/document';
import { explain } from '../src/wire/explain';
import { settleText } from '../src/wire/oracle';
import { settleDocument } from '../src/wire/settle-document';
import { CLI, ensureBuilt, ROOT, runCli } from './support/built-package';

const SEED = 20_260_301;

const SPEC_DOCUMENT = JSON.parse(
  readFileSync(join(ROOT, 'test', 'vectors', '001-spec-8-brl-example.json'), 'utf8'),
).document;
const SPEC_TEXT = JSON.stringify(SPEC_DOCUMENT);
const REFUSED_TEXT = JSON.stringify({ ...SPEC_DOCUMENT, extra: 1 });

let work = '';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

function lines(stdout: string): string[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout.slice(0, -1).split('\n');
}

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'cocreation-cli-'));
}, 180_000);

describe('cocreation settle', () => {
  it('prints the answer to a document read from FILE as one line, exit 0', async () => {
    const run = await runCli(['settle', file('spec.json', SPEC_TEXT)]);
    expect(run).toEqual({ status: 0, stdout: `${settleText(SPEC_TEXT)}\n`, stderr: '' });
  });

  it('reads stdin when FILE is absent or -', async () => {
    for (const args of [['settle'], ['settle', '-']]) {
      const run = await runCli(args, SPEC_TEXT);
      expect(run).toEqual({ status: 0, stdout: `${settleText(SPEC_TEXT)}\n`, stderr: '' });
    }
  });

  it('reads a document spread over many lines, as a file usually is', async () => {
    const run = await runCli(['settle'], JSON.stringify(SPEC_DOCUMENT, null, 2));
    expect(run.stdout).toBe(`${settleText(SPEC_TEXT)}\n`);
  });

  it('answers a refused document with its errors on stdout, exit 1', async () => {
    const run = await runCli(['settle'], REFUSED_TEXT);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid_field', path: ['extra'] }],
    });
  });

  it('answers text that is not JSON, or no text at all, with invalid_json, exit 1', async () => {
    for (const input of ['', '{"policy": ', 'null null']) {
      const run = await runCli(['settle'], input);
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stdout).errors.map((e: { code: string }) => e.code)).toEqual([
        'invalid_json',
      ]);
    }
  });

  it('ignores a byte order mark at the start of the input', async () => {
    const run = await runCli(['settle', file('bom.json', `\uFEFF${SPEC_TEXT}`)]);
    expect(run).toEqual({ status: 0, stdout: `${settleText(SPEC_TEXT)}\n`, stderr: '' });
    const stdin = await runCli(['settle'], Buffer.concat([BOM, Buffer.from(SPEC_TEXT)]));
    expect(stdin).toEqual({ status: 0, stdout: `${settleText(SPEC_TEXT)}\n`, stderr: '' });
  });

  it('answers a second byte order mark with invalid_json, exit 1', async () => {
    const run = await runCli(['settle'], Buffer.concat([BOM, BOM, Buffer.from(SPEC_TEXT)]));
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).errors).toMatchObject([{ code: 'invalid_json', path: [] }]);
  });

  it('answers a file or stdin that is not valid UTF-8 with invalid_json, never repairing it', async () => {
    // SPEC_TEXT with the main creator's "ana" written as "an\xe1" (Latin-1 á).
    const latin1 = Buffer.from(SPEC_TEXT.replace('"ana@', '"an\u00e1@'), 'latin1');
    const path = join(work, 'latin1.json');
    writeFileSync(path, latin1);
    for (const run of [await runCli(['settle', path]), await runCli(['settle'], latin1)]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({
        ok: false,
        errors: [{ code: 'invalid_json', message: 'the input is not valid UTF-8', path: [] }],
      });
    }
  });

  it('exits 2 with a message on stderr when FILE cannot be read', async () => {
    for (const path of [join(work, 'missing.json'), work]) {
      const run = await runCli(['settle', path]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(path);
    }
  });
});

describe('cocreation settle --jsonl', () => {
  it('answers each line, in order, going on after lines that are not JSON', async () => {
    const input = [SPEC_TEXT, '', 'not json', REFUSED_TEXT, SPEC_TEXT].join('\n');
    const run = await runCli(['settle', '--jsonl'], `${input}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const answers = lines(run.stdout);
    expect(answers).toHaveLength(5);
    expect(answers[0]).toBe(settleText(SPEC_TEXT));
    expect(JSON.parse(answers[1] ?? '').errors[0]).toMatchObject({
      code: 'invalid_json',
      path: [],
    });
    expect(JSON.parse(answers[2] ?? '').errors[0]).toMatchObject({
      code: 'invalid_json',
      path: [],
    });
    expect(answers[3]).toBe(settleText(REFUSED_TEXT));
    expect(answers[4]).toBe(settleText(SPEC_TEXT));
  });

  it('exits 0 when every line settled', async () => {
    const run = await runCli(['settle', '--jsonl'], `${SPEC_TEXT}\n${SPEC_TEXT}\n`);
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toHaveLength(2);
  });

  it('decodes each line on its own: an invalid UTF-8 line between two valid ones is answered invalid_json', async () => {
    const input = Buffer.concat([
      Buffer.from(`${SPEC_TEXT}\n`),
      Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d, 0x0a]), // {"\xff":1}
      Buffer.from(`${SPEC_TEXT}\n`),
    ]);
    const run = await runCli(['settle', '--jsonl'], input);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const answers = lines(run.stdout);
    expect(answers).toEqual([
      settleText(SPEC_TEXT),
      JSON.stringify({
        ok: false,
        errors: [{ code: 'invalid_json', message: 'the input is not valid UTF-8', path: [] }],
      }),
      settleText(SPEC_TEXT),
    ]);
  });

  it('splits lines on the byte 0x0A, so a character cut across input chunks is still whole', async () => {
    // é is 0xC3 0xA9: a decoder per chunk would break it, a decoder per line does not.
    const text = JSON.stringify({
      ...SPEC_DOCUMENT,
      product: { ...SPEC_DOCUMENT.product, id: `p${'é'.repeat(200_000)}` },
    });
    const run = await runCli(['settle', '--jsonl'], `${text}\n`);
    expect(lines(run.stdout)).toEqual([settleText(text)]);
  });

  it('ignores a byte order mark only at the start of the input', async () => {
    const input = Buffer.concat([
      BOM,
      Buffer.from(`${SPEC_TEXT}\n`),
      BOM,
      Buffer.from(`${SPEC_TEXT}\n`),
    ]);
    const run = await runCli(['settle', '--jsonl'], input);
    expect(run.status).toBe(1);
    const answers = lines(run.stdout);
    expect(answers[0]).toBe(settleText(SPEC_TEXT));
    expect(JSON.parse(answers[1] ?? '').errors).toMatchObject([{ code: 'invalid_json', path: [] }]);
  });

  it('reads CRLF lines and a last line without a newline', async () => {
    const run = await runCli(['settle', '--jsonl'], `${SPEC_TEXT}\r\n${SPEC_TEXT}`);
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual([settleText(SPEC_TEXT), settleText(SPEC_TEXT)]);
  });

  it('answers nothing to no input, exit 0', async () => {
    expect(await runCli(['settle', '--jsonl'], '')).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('reads lines from FILE, and accepts the option after it', async () => {
    const path = file('two.jsonl', `${SPEC_TEXT}\n{}\n`);
    for (const args of [
      ['settle', '--jsonl', path],
      ['settle', path, '--jsonl'],
    ]) {
      const run = await runCli(args);
      expect(run.status).toBe(1);
      expect(lines(run.stdout)).toHaveLength(2);
    }
  });

  it('answers 10,000 generated documents with 10,000 lines, in order, from one process', async () => {
    const docs = fc.sample(documentJson(), { numRuns: 10_000, seed: SEED });
    const input = docs.map((doc) => JSON.stringify(doc));
    const run = await runCli(['settle', '--jsonl'], `${input.join('\n')}\n`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const answers = lines(run.stdout);
    expect(answers).toHaveLength(10_000);
    answers.forEach((answer, index) => {
      expect(answer).toBe(settleText(input[index] ?? ''));
    });
  }, 120_000);

  it('answers a line as soon as it arrives, before stdin closes', async () => {
    const child = spawn(process.execPath, [CLI, 'settle', '--jsonl']);
    const answers: string[] = [];
    let buffered = '';
    const next = () =>
      new Promise<string>((resolve) => {
        const onData = (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const newline = buffered.indexOf('\n');
          if (newline === -1) return;
          child.stdout.off('data', onData);
          resolve(buffered.slice(0, newline));
          buffered = buffered.slice(newline + 1);
        };
        child.stdout.on('data', onData);
      });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.write(`${SPEC_TEXT}\n`);
    answers.push(await next());
    child.stdin.write('{}\n');
    answers.push(await next());
    child.stdin.end();
    expect(await exited).toBe(1);
    expect(answers[0]).toBe(settleText(SPEC_TEXT));
    expect(answers[1]).toBe(settleText('{}'));
  });
});

describe('cocreation explain', () => {
  it('prints the breakdown of a document, exit 0', async () => {
    const outcome = settleDocument(parseDocument(SPEC_DOCUMENT)._unsafeUnwrap())._unsafeUnwrap();
    const text = explain(outcome.settlement, outcome.reversals);
    const run = await runCli(['explain', file('explain.json', SPEC_TEXT)]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(text.endsWith('\n') ? text : `${text}\n`);
    expect(run.stdout).toContain('21.18');
  });

  it('prints the errors of a refused document as settle does, exit 1', async () => {
    const run = await runCli(['explain'], REFUSED_TEXT);
    expect(run).toEqual({ status: 1, stdout: `${settleText(REFUSED_TEXT)}\n`, stderr: '' });
  });
});

describe('usage', () => {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

  it('prints help with --help, -h or help, exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['settle', '--help']]) {
      const run = await runCli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: cocreation/);
      expect(run.stdout).toContain('--jsonl');
      expect(run.stdout).toContain('Exit status');
    }
  });

  it('prints the version of package.json with --version or -v, exit 0', async () => {
    for (const args of [['--version'], ['-v']]) {
      expect(await runCli(args)).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('exits 2 with a message on stderr for wrong usage, printing nothing on stdout', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['settle', '--bogus'],
      ['settle', 'a.json', 'b.json'],
      ['explain', '--jsonl'],
    ]) {
      const run = await runCli(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^cocreation: .+\nTry 'cocreation --help'\.\n$/);
    }
  });

  it('reads a FILE named like an option after --', async () => {
    file('--odd.json', SPEC_TEXT);
    const run = await runCli(['settle', '--', '--odd.json'], '', work);
    expect(run.status).toBe(0);
  });
});

describe('the installed bin', () => {
  it('is dist/cli.js, an executable node script', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(join(ROOT, pkg.bin.cocreation)).toBe(CLI);
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(() => accessSync(CLI, constants.X_OK)).not.toThrow();
  });

  it('runs through a symlink, as npm links bins', async () => {
    const link = join(work, 'cocreation');
    symlinkSync(CLI, link);
    const run = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = spawn(link, ['--version']);
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
      });
      child.on('close', (status) => resolve({ status, stdout }));
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('fuzzing the CLI', () => {
  const codes: ReadonlySet<string> = new Set(ERROR_CODES);

  it('answers any line, JSON or not, with one line of the specification-shaped JSON, and never crashes', async () => {
    // What the CLI receives: one line, as UTF-8 (a lone surrogate arrives as U+FFFD).
    const oneLine = (text: string) =>
      Buffer.from(text.replace(/[\r\n]/g, ' '), 'utf8').toString('utf8');
    const texts = [
      ...fc.sample(fc.json(), { numRuns: 1000, seed: SEED }),
      ...fc.sample(fc.string({ unit: 'binary' }), { numRuns: 500, seed: SEED }).map(oneLine),
      ...fc
        .sample(fc.jsonValue(), { numRuns: 500, seed: SEED })
        .map((value) => JSON.stringify(value)),
      ...fc
        .sample(malformedDocument(), { numRuns: 500, seed: SEED })
        .map(({ document }) => JSON.stringify(document)),
    ].map(oneLine);
    const run = await runCli(['settle', '--jsonl'], `${texts.join('\n')}\n`);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    const answers = lines(run.stdout);
    expect(answers).toHaveLength(texts.length);
    answers.forEach((answer, index) => {
      expect(answer).toBe(settleText(texts[index] ?? ''));
      const parsed = JSON.parse(answer);
      if (!parsed.ok) {
        for (const error of parsed.errors) expect(codes.has(error.code)).toBe(true);
      }
    });
  }, 60_000);

  it('answers binary garbage and deep nesting in one-document mode without crashing', async () => {
    const deep = `{"product":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    for (const input of ['\u0000\u00ff\ufffe', deep, '"\ud800"', '1e999']) {
      const run = await runCli(['settle'], input);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout).ok).toBe(false);
    }
  });
});
