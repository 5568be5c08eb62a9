/**
 * Writes the CLI benchmark's documents to a file, for profiling the CLI on its own:
 * `--documents=n --out=path`.
 */
import { writeDocuments } from './cli';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v = ''] = a.replace(/^--/, '').split('=');
    return [k, v] as const;
  }),
);
const out = args.get('out');
if (out === undefined || out === '') {
  console.error('documents: --out=path is required');
  process.exit(2);
}
writeDocuments(out, Number(args.get('documents') ?? 10_000));
