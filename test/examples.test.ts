/**
 * Runs every program in examples/ against src/ (vitest aliases `cocreation` to src/), so
 * `npm test` fails when an example's assertions do. CI also runs them against the packed
 * tarball (scripts/examples-from-tarball.sh).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const dir = join(import.meta.dirname, '..', 'examples');
const examples = readdirSync(dir)
  .filter((file) => file.endsWith('.ts'))
  .sort();

describe('examples', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('has the five programs of issue 6 and the database of issue 15', () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        'batch-ledger.ts',
        'contract-lifecycle.ts',
        'hotmart-launch.ts',
        'postgres.ts',
        'refunds.ts',
        'subscription-terms-change.ts',
      ]),
    );
  });

  for (const file of examples) {
    it(`runs ${file}, whose own assertions pass, and prints its result`, async () => {
      const printed: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(' '));
      });
      await import(join(dir, file));
      expect(printed.join('\n')).not.toBe('');
    });
  }
});
