/**
 * Valid values corrupted one field at a time: every public function that checks its input
 * never throws, answers a Result whose errors carry the specification codes, and never mutates its
 * (deep-frozen) arguments. Documents are corrupted with `malformedDocument()` of
 * cocreation/testing (the parser must refuse them); checked values built in code (policies,
 * products, contracts, sales, settlements, refunds) get any value at any one node.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerOf } from '../../src/ledger/entries';
import { refundAll, refundSale } from '../../src/refunds/refund';
import { compileSettler } from '../../src/settle/compile';
import { settleSale, settleWithDomain } from '../../src/settle/stages';
import { malformedDocument } from '../../src/testing';
import { validateDomain } from '../../src/validate/domain';
import { parseDocument } from '../../src/wire/document';
import { explain } from '../../src/wire/explain';
import { settleText, settleToJson } from '../../src/wire/oracle';
import { settleDocument } from '../../src/wire/settle-document';
import {
  domainAndSaleArb,
  domainPartsArb,
  refundsArb,
  settlementArb,
} from '../arbitraries/settlement';
import { corruptedOnce, expectResult, expectSpecError, type Path, runs } from './support';

describe('a document with one field corrupted', () => {
  it('is refused by the parser, with an error at the corrupted field or inside it', () => {
    fc.assert(
      fc.property(malformedDocument(), ({ document, path }) => {
        const parsed = parseDocument(document);
        expect(expectResult(parsed, true)).toBe(true);
        const errors = parsed._unsafeUnwrapErr();
        const inside = (p: Path) => path.every((step, i) => p[i] === step);
        expect(errors.some((e) => inside(e.path))).toBe(true);
        const answer = settleToJson(document);
        expect(answer.ok).toBe(false);
        if (!answer.ok) for (const e of answer.errors) expectSpecError(e);
        expect(JSON.parse(settleText(JSON.stringify(document))).ok).toBe(false);
      }),
      runs(),
    );
  });
});

describe('checked values with one node replaced by any value', () => {
  it('never make settleSale, validateDomain or settleDocument throw', () => {
    const args = domainAndSaleArb().map(([domain, sale]) => ({
      policy: domain.policy,
      product: domain.product,
      contracts: domain.contracts,
      sale,
      refunds: [],
    }));
    fc.assert(
      fc.property(corruptedOnce(args), ({ value }) => {
        const v = (value ?? {}) as Record<string, unknown>;
        expectResult(
          settleSale(
            ...([v.policy, v.product, v.contracts, v.sale] as const as [
              never,
              never,
              never,
              never,
            ]),
          ),
          true,
        );
        expectResult(validateDomain(v as never), true);
        expectResult(settleDocument(v as never), true);
      }),
      runs(),
    );
  });

  it('never make settleWithDomain or a compiled settler throw', () => {
    fc.assert(
      fc.property(
        corruptedOnce(domainAndSaleArb().map(([domain, sale]) => ({ domain, sale }))),
        ({ value }) => {
          const { domain, sale } = (value ?? {}) as { domain: never; sale: never };
          expectResult(settleWithDomain(domain, sale), true);
          expectResult(compileSettler(domain).settle(sale), true);
        },
      ),
      runs(),
    );
  });

  it('never make the checks of a domain throw', () => {
    fc.assert(
      fc.property(corruptedOnce(domainPartsArb), ({ value }) => {
        expectResult(validateDomain(value), true);
      }),
      runs(),
    );
  });

  it('never make refundSale, refundAll or ledgerOf throw', () => {
    const valid = settlementArb.chain((s) => refundsArb(s).map((refunds) => ({ s, refunds })));
    fc.assert(
      fc.property(corruptedOnce(valid), ({ value }) => {
        const { s, refunds } = (value ?? {}) as { s: never; refunds: unknown };
        expectResult(refundAll(s, refunds as never), true);
        if (Array.isArray(refunds) && refunds.length > 0) {
          expectResult(
            refundSale(s, refunds.slice(0, -1), refunds[refunds.length - 1] as never),
            true,
          );
        }
        expectResult(ledgerOf([s]), true);
      }),
      runs(),
    );
  });

  it('never make explain throw: it names what is not a settlement or a list of its reversals', () => {
    const valid = settlementArb.chain((s) =>
      refundsArb(s).map((refunds) => ({ s, reversals: refundAll(s, refunds).unwrapOr([]) })),
    );
    fc.assert(
      fc.property(corruptedOnce(valid), ({ value }) => {
        const { s, reversals } = (value ?? {}) as { s: never; reversals: never };
        expect(typeof explain(s, reversals)).toBe('string');
      }),
      runs(),
    );
  });
});
