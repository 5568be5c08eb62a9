/**
 * The API report (issue 16): api/cocreation.api.md lists every name each entry of the package
 * exports, with its signature, as the built declarations say. When the declarations change
 * and the report was not written again, this fails: every change to the public API is a
 * visible diff in review.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiReport, REPORT } from '../scripts/api-report.mjs';
import { ensureBuilt } from './support/built-package';

const UPDATE = 'the public API changed: run `npm run api:report` and commit api/cocreation.api.md';

let report = '';

beforeAll(() => {
  ensureBuilt();
  report = apiReport();
}, 180_000);

describe('the API report', () => {
  it('is what the built declarations export', () => {
    expect(readFileSync(REPORT, 'utf8'), UPDATE).toBe(report);
  });

  it('names the wire objects nested in others instead of writing them out again', () => {
    // Each derived wire type, as the report writes it out, and the fields that hold a named
    // object (src/model/shapes.ts): `SaleJson`'s `price` is a `MoneyJson`, and so on.
    const named: Readonly<Record<string, ReadonlyArray<string>>> = {
      SaleJson: [
        'readonly price: MoneyJson;',
        'readonly platformFee?: MoneyJson | null;',
        'readonly affiliate?: SaleAffiliateJson | null;',
      ],
      RefundJson: ['readonly amount: MoneyJson;'],
      ContractEventJson: ['readonly terms?: TermsJson | null;'],
      ContractJson: ['readonly events: readonly ContractEventJson[];'],
      CocreationContractInput: ['readonly events: readonly ContractEventJson[];'],
      PolicyObjectJson: ['readonly fee?: FeeScheduleJson | null;'],
      PolicyObjectInput: ['readonly fee?: FeeScheduleJson | null;'],
      SettleDocumentJson: [
        'readonly product: ProductInput;',
        'readonly contracts: readonly CocreationContractInput[];',
        'readonly sale: SaleJson;',
        'readonly policy?: PolicyInput | null;',
        'readonly refunds?: readonly RefundJson[] | null;',
      ],
    };
    const bodies = new Map<string, string[]>();
    for (const [, name, body] of report.matchAll(/^interface (\w+) \{\n([\s\S]*?)\n\}$/gm)) {
      bodies.set(
        name ?? '',
        (body ?? '').split('\n').map((line) => line.trim()),
      );
    }
    for (const [name, lines] of Object.entries(named)) {
      expect(bodies.get(name), name).toEqual(expect.arrayContaining([...lines]));
    }
  });

  it('keeps the main entry to at most 70 runtime names', () => {
    const count = /## cocreation\n\n(\d+) runtime names/.exec(report)?.[1];
    expect(Number(count)).toBeGreaterThan(0);
    expect(Number(count)).toBeLessThanOrEqual(70);
  });
});
