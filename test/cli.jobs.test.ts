/**
 * `cocreation settle --jsonl --jobs N` (specification §9), run as users run it: the built
 * `dist/cli.js` in a child process. Whatever N, the output is byte for byte what one thread
 * answering line by line prints — computed here with the library, line by line, as the CLI
 * did before it had workers or a fast road — and the exit status is the same.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixture } from '../bench/fixtures';
import { documentJson, malformedDocument } from '../src/testing';
import { readDocumentBytes } from '../src/wire/document';
import { settleResultToJson } from '../src/wire/print';
import { settleDocument } from '../src/wire/settle-document';
import { ensureBuilt, runCli } from './support/built-package';

const SEED = 20_261_205;

/**
 * The reference: split on the byte `\n`, drop one `\r` before it, answer every line (a last
 * one without `\n` too, an empty last piece not), the first line read with a byte-order mark
 * ignored; exit 1 when any line was refused.
 */
function reference(input: Uint8Array): { status: number; stdout: string } {
  const out: string[] = [];
  let refused = false;
  let start = 0;
  while (start < input.length) {
    const nl = input.indexOf(0x0a, start);
    const end = nl === -1 ? input.length : nl;
    const stop = end > start && input[end - 1] === 0x0d ? end - 1 : end;
    const output = settleResultToJson(
      readDocumentBytes(input.subarray(start, stop), start === 0).andThen(settleDocument),
    );
    if (!output.ok) refused = true;
    out.push(`${JSON.stringify(output)}\n`);
    start = end + 1;
  }
  return { status: refused ? 1 : 0, stdout: out.join('') };
}

const FIXTURE = makeFixture(5);
const SALES = FIXTURE.salesJson.slice(0, 64);

/** A five-contract document of the benchmark, as an object (its sale picked by `i`). */
function benchDocument(i: number): Record<string, unknown> {
  return {
    policy: 'hotmart',
    product: FIXTURE.productJson,
    contracts: FIXTURE.contractsJson,
    sale: SALES[i % SALES.length],
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * One line's bytes (no `\n`): mostly the benchmark's documents (the CLI's fast road takes them
 * from their second sight on), and around them every way a line can differ: refused, unusual
 * (key order, spaces, a policy left out, refunds, a key twice, an escaped key), not JSON, not
 * UTF-8, a byte-order mark.
 */
const lineBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 8, arbitrary: fc.nat().map((i) => utf8(JSON.stringify(benchDocument(i)))) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.nat(),
        fc.constantFrom(
          'sale first',
          'spaces',
          'no policy',
          'gumroad',
          'empty refunds',
          'a refund',
          'fee above price',
          'other product',
          'affiliate without percent',
          'product without commission',
          'contract id twice',
          'sale twice',
          'escaped key',
          'unknown key',
          'sale not an object',
          'cut short',
          'trailing garbage',
        ),
      )
      .map(([i, how]) => {
        const doc = benchDocument(i);
        const sale = doc.sale as Record<string, unknown>;
        const text = JSON.stringify(doc);
        switch (how) {
          case 'sale first':
            return JSON.stringify({ sale, ...doc });
          case 'spaces':
            return ` { "policy" : "hotmart" ,\t"product":${JSON.stringify(doc.product)} , "contracts" :${JSON.stringify(doc.contracts)},"sale": ${JSON.stringify(sale)} } `;
          case 'no policy':
            return JSON.stringify({ ...doc, policy: undefined });
          case 'gumroad':
            return JSON.stringify({ ...doc, policy: 'gumroad' });
          case 'empty refunds':
            return JSON.stringify({ ...doc, refunds: [] });
          case 'a refund':
            return JSON.stringify({
              ...doc,
              refunds: [
                {
                  id: 'r1',
                  at: '2026-06-01T00:00:00Z',
                  amount: { amount: '1.00', currency: 'BRL' },
                },
              ],
            });
          case 'fee above price':
            return JSON.stringify({
              ...doc,
              sale: { ...sale, platformFee: { amount: '99999.00', currency: 'BRL' } },
            });
          case 'other product':
            return JSON.stringify({ ...doc, sale: { ...sale, productId: 'p2' } });
          case 'affiliate without percent':
            return JSON.stringify({
              ...doc,
              sale: { ...sale, affiliate: { account: 'leo@example.com' } },
            });
          case 'product without commission':
            return JSON.stringify({
              ...doc,
              product: { id: 'p1', mainCreator: 'ana@example.com' },
              sale: { ...sale, affiliate: { account: 'leo@example.com' } },
            });
          case 'contract id twice':
            return JSON.stringify({
              ...doc,
              contracts: [...FIXTURE.contractsJson, FIXTURE.contractsJson[0]],
            });
          case 'sale twice':
            return `{"sale":{"id":"x"},${text.slice(1)}`;
          case 'escaped key':
            return text.replace('"sale"', '"sal\\u0065"');
          case 'unknown key':
            return text.replace('"policy"', '"polcy"');
          case 'sale not an object':
            return JSON.stringify({ ...doc, sale: 'a sale' });
          case 'cut short':
            return text.slice(0, text.length - 3);
          default:
            return `${text}]`;
        }
      })
      .map(utf8),
  },
  {
    weight: 2,
    arbitrary: documentJson().map((doc) => utf8(JSON.stringify(doc))),
  },
  {
    weight: 2,
    arbitrary: malformedDocument().map(({ document }) => utf8(JSON.stringify(document))),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', '{}', 'not json', 'null', '[]', '"sale"', ' ').map(utf8),
  },
  // Not UTF-8: a byte that never is, or a character cut short, inside a document.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat(), fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80]), fc.nat())
      .map(([i, bad, at]) => {
        const good = utf8(JSON.stringify(benchDocument(i)));
        const cut = at % good.length;
        return new Uint8Array([...good.subarray(0, cut), ...bad, ...good.subarray(cut)]);
      }),
  },
  // A byte-order mark before a document: ignored on the first line only.
  {
    weight: 2,
    arbitrary: fc
      .nat()
      .map((i) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(JSON.stringify(benchDocument(i)))])),
  },
);

/** An input: lines joined by `\n` or `\r\n`, with or without a last newline. */
const input: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.array(fc.tuple(lineBytes, fc.boolean()), { minLength: 10, maxLength: 150, size: 'max' }),
    fc.boolean(),
  )
  .map(([lines, lastNewline]) => {
    const parts: number[] = [];
    lines.forEach(([bytes, crlf], i) => {
      parts.push(...bytes);
      if (i < lines.length - 1 || lastNewline) parts.push(...(crlf ? [0x0d, 0x0a] : [0x0a]));
    });
    return new Uint8Array(parts);
  });

beforeAll(() => {
  ensureBuilt();
}, 180_000);

describe('cocreation settle --jsonl --jobs N', () => {
  it('prints, for --jobs 1, 2 and 3, byte for byte what one thread answering line by line prints, with its exit status', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const want = reference(bytes);
        for (const jobs of ['1', '2', '3']) {
          const run = await runCli(['settle', '--jsonl', '--jobs', jobs], bytes);
          expect({ jobs, ...run }).toEqual({ jobs, ...want, stderr: '' });
        }
      }),
      { numRuns: 12, seed: SEED, endOnFailure: true },
    );
  }, 300_000);

  it('answers an input past 1 MiB on the default workers as one thread would, refusals included', async () => {
    const lines = Array.from({ length: 1_400 }, (_, i) =>
      i % 97 === 5 ? 'not json' : JSON.stringify(benchDocument(i)),
    );
    const bytes = utf8(`${lines.join('\n')}\n`);
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const want = reference(bytes);
    expect(want.status).toBe(1);
    expect(await runCli(['settle', '--jsonl'], bytes)).toEqual({ ...want, stderr: '' });
    expect(await runCli(['settle', '--jsonl', '--jobs=2'], bytes)).toEqual({
      ...want,
      stderr: '',
    });
  }, 120_000);

  it('exits 0 on workers when every line settled', async () => {
    const bytes = utf8(`${[0, 1, 2, 3].map((i) => JSON.stringify(benchDocument(i))).join('\n')}\n`);
    const run = await runCli(['settle', '--jsonl', '--jobs', '2'], bytes);
    expect(run).toEqual({ ...reference(bytes), stderr: '' });
    expect(run.status).toBe(0);
  });

  it('answers nothing to no input on workers, exit 0', async () => {
    expect(await runCli(['settle', '--jsonl', '--jobs', '3'], '')).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('exits 2 with a message on stderr for a --jobs that is not a whole number from 1 to 64, or outside settle --jsonl', async () => {
    for (const args of [
      ['settle', '--jsonl', '--jobs', '0'],
      ['settle', '--jsonl', '--jobs', '-1'],
      ['settle', '--jsonl', '--jobs', '65'],
      ['settle', '--jsonl', '--jobs', '1.5'],
      ['settle', '--jsonl', '--jobs', 'two'],
      ['settle', '--jsonl', '--jobs', '02'],
      ['settle', '--jsonl', '--jobs=', '-'],
      ['settle', '--jsonl', '--jobs'],
      ['settle', '--jobs', '2'],
      ['explain', '--jobs', '2'],
    ]) {
      const run = await runCli(args, '{}\n');
      expect({ args, status: run.status, stdout: run.stdout }).toEqual({
        args,
        status: 2,
        stdout: '',
      });
      expect(run.stderr).toMatch(/^cocreation: --jobs .+\nTry 'cocreation --help'\.\n$/);
    }
  });

  it('accepts --jobs 64, the largest (no worker starts before a line arrives)', async () => {
    expect(await runCli(['settle', '--jsonl', '--jobs', '64'], '')).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('documents --jobs in --help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain('settle --jsonl --jobs N');
    expect(run.stdout).toMatch(/--jobs N +worker threads for settle --jsonl, 1 to 64/);
  });
});
