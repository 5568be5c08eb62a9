/** `settle [FILE|-]` and `explain [FILE|-]`: one document in, one answer out. */
import type { Readable } from 'node:stream';
import { CATALOGS } from '../locales/catalogs';
import { parseDocumentBytes } from '../wire/document';
import { explain } from '../wire/explain';
import { settleResultToJson } from '../wire/print';
import { settleDocument } from '../wire/settle-document';
import type { Invocation } from './args';
import { EXIT_REFUSED, EXIT_SETTLED, EXIT_USAGE } from './exit';
import { readAll, writeOut } from './io';

/** Reads the whole input, settles it, and prints the JSON (or, for `explain`, the breakdown). */
export async function runOne(
  invocation: Invocation,
  input: Readable,
  name: string,
): Promise<number> {
  const bytes = await readAll(input, name);
  if (bytes === null) return EXIT_USAGE;
  const result = parseDocumentBytes(bytes).andThen(settleDocument);
  if (invocation.command === 'explain' && result.isOk()) {
    const { settlement, reversals } = result.value;
    const shown = explain(settlement, reversals, { locale: CATALOGS[invocation.locale] });
    await writeOut(shown.endsWith('\n') ? shown : `${shown}\n`);
    return EXIT_SETTLED;
  }
  const output = settleResultToJson(result);
  await writeOut(`${JSON.stringify(output)}\n`);
  return output.ok ? EXIT_SETTLED : EXIT_REFUSED;
}
