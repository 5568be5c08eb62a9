/** `cocreation explain --locale`, run as users run it (the built bin, in a child process). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { es as spanish } from '../src/locales/es';
import { ptBR } from '../src/locales/pt-BR';
import { parseDocument } from '../src/wire/document';
import { explain } from '../src/wire/explain';
import { settleText } from '../src/wire/oracle';
import { settleDocument } from '../src/wire/settle-document';
import { ensureBuilt, ROOT, runCli } from './support/built-package';

const DOCUMENT = JSON.parse(
  readFileSync(join(ROOT, 'test', 'vectors', '001-spec-8-brl-example.json'), 'utf8'),
).document;
const TEXT = JSON.stringify(DOCUMENT);
const REFUSED = JSON.stringify({ ...DOCUMENT, extra: 1 });

beforeAll(() => ensureBuilt(), 180_000);

describe('cocreation explain --locale', () => {
  const { settlement, reversals } = settleDocument(
    parseDocument(DOCUMENT)._unsafeUnwrap(),
  )._unsafeUnwrap();

  it('prints the breakdown in the locale, given as --locale L or --locale=L', async () => {
    const expected = `${explain(settlement, reversals, { locale: ptBR })}\n`;
    expect(expected).toContain('R$ 197,00');
    for (const args of [
      ['explain', '--locale', 'pt-BR'],
      ['explain', '--locale=pt-BR', '-'],
    ]) {
      expect(await runCli(args, TEXT)).toEqual({ status: 0, stdout: expected, stderr: '' });
    }
    const es = await runCli(['explain', '--locale', 'es'], TEXT);
    expect(es.stdout).toBe(`${explain(settlement, reversals, { locale: spanish })}\n`);
  });

  it('prints English with --locale en, as without the option', async () => {
    const en = await runCli(['explain', '--locale', 'en'], TEXT);
    expect(en).toEqual(await runCli(['explain'], TEXT));
  });

  it('never changes the JSON: a refused document prints the same errors', async () => {
    const run = await runCli(['explain', '--locale', 'pt-BR'], REFUSED);
    expect(run).toEqual({ status: 1, stdout: `${settleText(REFUSED)}\n`, stderr: '' });
  });

  it('is a usage error with an unknown locale, without a value, or on settle', async () => {
    for (const args of [
      ['explain', '--locale', 'fr'],
      ['explain', '--locale'],
      ['settle', '--locale', 'pt-BR'],
    ]) {
      const run = await runCli(args, TEXT);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/--locale/);
    }
  });

  it('is listed by --help', async () => {
    expect((await runCli(['--help'])).stdout).toContain('--locale');
  });
});
