/**
 * The wire's derived types name the objects nested in them (src/model/shapes.ts): a sale's
 * `price` is a `MoneyJson`, a contract's `events` a `ReadonlyArray<ContractEventJson>`, and so
 * on, instead of the object written out again. Naming them changed no type: each derived type
 * is the very type it was when its nested objects were written out inline (written out here by
 * hand from specification §8), so that code written against either compiles against the other.
 *
 * These are type-level checks: `tsc --noEmit` over the tests (the first step of `npm test`)
 * fails when one breaks. That the names are what the declarations and the API reference show
 * (rather than the object written out) is checked on the built declarations by
 * test/api-report.test.ts.
 */
import type {
  CocreationContractInput,
  PolicyInput,
  PolicyObjectInput,
  ProductInput,
} from 'cocreation';
import type {
  ContractEventJson,
  ContractJson,
  DecimalJson,
  FeeScheduleJson,
  MoneyJson,
  RefundJson,
  SaleAffiliateJson,
  SaleJson,
  SettleDocumentJson,
  TermsJson,
} from 'cocreation/wire';
import { describe, expect, expectTypeOf, it } from 'vitest';

// The inline shapes, as the types wrote them before their nested objects had names.

type InlineMoney = { readonly amount: DecimalJson; readonly currency: string };
type InlineFeeSchedule = {
  readonly percent?: DecimalJson | null;
  readonly fixed?: Readonly<Record<string, DecimalJson>> | null;
};
type InlineTerms = {
  readonly percent?: DecimalJson | null;
  readonly appliesTo?:
    | 'all-sales'
    | 'direct-sales'
    | 'affiliate-sales'
    | 'managed-affiliate-sales'
    | null;
  readonly endsAt?: string | null;
  readonly mayAlsoSellAsAffiliate?: boolean | null;
};
type InlineEvent = {
  readonly type:
    | 'invited'
    | 'accepted'
    | 'declined'
    | 'withdrawn'
    | 'amendment-proposed'
    | 'amendment-approved'
    | 'amendment-declined'
    | 'amendment-withdrawn'
    | 'amended'
    | 'cancellation-requested'
    | 'cancellation-approved'
    | 'cancellation-rejected'
    | 'cancellation-withdrawn'
    | 'cancelled';
  readonly at: string;
  readonly by: string;
  readonly terms?: {
    readonly percent?: DecimalJson | null;
    readonly appliesTo?:
      | 'all-sales'
      | 'direct-sales'
      | 'affiliate-sales'
      | 'managed-affiliate-sales'
      | null;
    readonly endsAt?: string | null;
    readonly mayAlsoSellAsAffiliate?: boolean | null;
  } | null;
};
type InlineContract = {
  readonly id: string;
  readonly productId: string;
  readonly cocreator: string;
  readonly events: ReadonlyArray<InlineEvent>;
};
type InlineAffiliate = {
  readonly account: string;
  readonly percent?: DecimalJson | null;
  readonly managedBy?: string | null;
};
type InlineSale = {
  readonly id: string;
  readonly productId: string;
  readonly at: string;
  readonly price: { readonly amount: DecimalJson; readonly currency: string };
  readonly platformFee?: { readonly amount: DecimalJson; readonly currency: string } | null;
  readonly affiliate?: {
    readonly account: string;
    readonly percent?: DecimalJson | null;
    readonly managedBy?: string | null;
  } | null;
};
type InlineRefund = {
  readonly id: string;
  readonly at: string;
  readonly amount: { readonly amount: DecimalJson; readonly currency: string };
};
type InlineProduct = {
  readonly id: string;
  readonly mainCreator: string;
  readonly affiliateCommission?: DecimalJson | null;
};
type InlinePolicyObject = {
  readonly extends?: 'hotmart' | 'kiwify' | 'gumroad' | null;
  readonly minRetainedPercent?: DecimalJson;
  readonly cocreatorPercent?: { readonly min?: DecimalJson; readonly max?: DecimalJson };
  readonly percentDecimals?: number;
  readonly maxCocreators?: number | null;
  readonly affiliatesOnCocreatedProducts?: boolean;
  readonly cancellation?: 'mutual' | 'unilateral';
  readonly amendments?: 'cocreator-approval' | 'immediate';
  readonly fee?: {
    readonly percent?: DecimalJson | null;
    readonly fixed?: Readonly<Record<string, DecimalJson>> | null;
  } | null;
};
type InlineDocument = {
  readonly policy?: 'hotmart' | 'kiwify' | 'gumroad' | InlinePolicyObject | null;
  readonly product: InlineProduct;
  readonly contracts: ReadonlyArray<InlineContract>;
  readonly sale: InlineSale;
  readonly refunds?: ReadonlyArray<InlineRefund> | null;
};

/** `true` when each of `A` and `B` is assignable to the other. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('the named wire types', () => {
  it("are each used by their parent's field", () => {
    expectTypeOf<SaleJson['price']>().toEqualTypeOf<MoneyJson>();
    expectTypeOf<NonNullable<SaleJson['platformFee']>>().toEqualTypeOf<MoneyJson>();
    expectTypeOf<NonNullable<SaleJson['affiliate']>>().toEqualTypeOf<SaleAffiliateJson>();
    expectTypeOf<RefundJson['amount']>().toEqualTypeOf<MoneyJson>();
    expectTypeOf<NonNullable<PolicyObjectInput['fee']>>().toEqualTypeOf<FeeScheduleJson>();
    expectTypeOf<NonNullable<ContractEventJson['terms']>>().toEqualTypeOf<TermsJson>();
    expectTypeOf<ContractJson['events']>().toEqualTypeOf<ReadonlyArray<ContractEventJson>>();
    expectTypeOf<SettleDocumentJson['product']>().toEqualTypeOf<ProductInput>();
    expectTypeOf<SettleDocumentJson['contracts']>().toEqualTypeOf<
      ReadonlyArray<CocreationContractInput>
    >();
    expectTypeOf<SettleDocumentJson['sale']>().toEqualTypeOf<SaleJson>();
    expectTypeOf<NonNullable<SettleDocumentJson['refunds']>>().toEqualTypeOf<
      ReadonlyArray<RefundJson>
    >();
    expectTypeOf<NonNullable<SettleDocumentJson['policy']>>().toEqualTypeOf<PolicyInput>();
  });

  it('are the very types the inline shapes were, field by field', () => {
    expectTypeOf<MoneyJson>().toEqualTypeOf<InlineMoney>();
    expectTypeOf<FeeScheduleJson>().toEqualTypeOf<InlineFeeSchedule>();
    expectTypeOf<TermsJson>().toEqualTypeOf<InlineTerms>();
    expectTypeOf<ContractEventJson>().toEqualTypeOf<InlineEvent>();
    expectTypeOf<SaleAffiliateJson>().toEqualTypeOf<InlineAffiliate>();
    expectTypeOf<SaleJson>().toEqualTypeOf<InlineSale>();
    expectTypeOf<RefundJson>().toEqualTypeOf<InlineRefund>();
    expectTypeOf<CocreationContractInput>().toEqualTypeOf<InlineContract>();
    expectTypeOf<ContractJson>().toEqualTypeOf<InlineContract>();
    expectTypeOf<ProductInput>().toEqualTypeOf<InlineProduct>();
    expectTypeOf<PolicyObjectInput>().toEqualTypeOf<InlinePolicyObject>();
    expectTypeOf<SettleDocumentJson>().toEqualTypeOf<InlineDocument>();
  });

  it('are assignable both ways with the inline shapes, so no code written against either breaks', () => {
    expectTypeOf<Mutual<MoneyJson, InlineMoney>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<FeeScheduleJson, InlineFeeSchedule>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<TermsJson, InlineTerms>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<ContractEventJson, InlineEvent>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<SaleAffiliateJson, InlineAffiliate>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<SaleJson, InlineSale>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<RefundJson, InlineRefund>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<ContractJson, InlineContract>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<SettleDocumentJson, InlineDocument>>().toEqualTypeOf<true>();
    // The check itself tells shapes apart: a money without its currency is not a MoneyJson.
    expectTypeOf<Mutual<MoneyJson, { readonly amount: DecimalJson }>>().toEqualTypeOf<false>();
  });

  it('stay type aliases: a wire object is still a record of unknowns, as the inline one was', () => {
    expectTypeOf<SaleJson>().toExtend<Readonly<Record<string, unknown>>>();
    expectTypeOf<SettleDocumentJson>().toExtend<Readonly<Record<string, unknown>>>();
    expectTypeOf<SaleJson['price']>().toExtend<Readonly<Record<string, unknown>>>();
  });

  it('are as strict as before: null only where a field may be absent, literal unions kept', () => {
    const sale: SaleJson = {
      id: 's1',
      productId: 'p1',
      at: '2026-03-01T00:00:00Z',
      price: { amount: '10.00', currency: 'BRL' },
      platformFee: null,
      affiliate: null,
    };
    // @ts-expect-error: `price` is required and may not be null.
    const noPrice: SaleJson = { ...sale, price: null };
    // @ts-expect-error: a money's `currency` is required.
    const noCurrency: MoneyJson = { amount: '1.00' };
    // @ts-expect-error: an event's type is one of specification §3's event types.
    const badType: ContractEventJson['type'] = 'renamed';
    // @ts-expect-error: `appliesTo` is one of the four rules.
    const badRule: TermsJson = { appliesTo: 'some-sales' };
    // @ts-expect-error: a preset's fields may be absent, not null (`maxCocreators` aside).
    const nullCancellation: PolicyObjectInput = { extends: 'hotmart', cancellation: null };
    const unlimited: PolicyObjectInput = { extends: 'hotmart', maxCocreators: null };
    expect([noPrice, noCurrency, badType, badRule, nullCancellation, unlimited]).toHaveLength(6);
    expect(sale.price).toEqual({ amount: '10.00', currency: 'BRL' });
  });
});
