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

  it('keeps the main entry to at most 70 runtime names', () => {
    const count = /## cocreation\n\n(\d+) runtime names/.exec(report)?.[1];
    expect(Number(count)).toBeGreaterThan(0);
    expect(Number(count)).toBeLessThanOrEqual(70);
  });
});
