/**
 * The input shapes of the wire format (specification §8), described once: each object, its
 * keys, which are required, and what each field holds. The wire types (`ProductJson`,
 * `ContractJson`, …) and the constructors' input types are derived from this description;
 * the readers take their key lists from it, and `malformedDocument` (cocreation/testing)
 * walks a document with it to find the keys there are to remove.
 *
 * How to read it: `required(kind)` must be there; `optional(kind)` may be absent or `null`
 * (which means absent, specification §8); `fromPreset(kind)` is required unless the policy
 * `extends` a preset, which supplies it. The doc comment on each key is the field's
 * documentation: the derived types carry it (hover, API reference). The type of an object
 * that is nested in another (`MoneyJson`, `TermsJson`, …) is declared here, beside its
 * description, and the parent's field is given it (`required<MoneyJson>(object(MONEY))`), so
 * that the parent's type names it: `SaleJson`'s `price` is a `MoneyJson`, not the object
 * written out again.
 *
 * Reading stays in each concept's reader (`product`, `policy`, `sale`, `refund`,
 * `contract`): the rules of a field are prose in specification §8, and the readers say them
 * with their own messages; this file only says what is there.
 */

import type { AppliesTo } from './commission';
import type { AmendmentRule, CancellationRule, PolicyInput, PolicyName } from './policy';
import type { ProductInput } from './product';

/** A decimal on input: a string such as `"19.90"`, or a JSON number read as `String(n)`. */
export type DecimalJson = string | number;

/**
 * What a field holds (its checks are the reader's, specification §8): an `id` (a non-empty
 * string kept as written), an `account` id, a `currency` code, an `amount` or a `percent` (a
 * decimal string or number), an `instant` string, an `integer`, a `boolean`, one of a fixed
 * set of strings (`enum`), an `object`, a `list` of objects, a `table` (an object whose keys
 * are data), or a policy (`preset-or-object`: a preset's name or a policy object).
 *
 * @internal
 */
export type Kind =
  | 'id'
  | 'account'
  | 'currency'
  | 'amount'
  | 'percent'
  | 'instant'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'object'
  | 'list'
  | 'table'
  | 'preset-or-object';

/** Whether a field must be there: always, never, or unless the policy extends a preset. */
type Presence = 'required' | 'optional' | 'from-preset';

/**
 * One field of a wire object. `T` is the type of its value on the wire; it exists for the
 * types only (no value is ever stored under `json`).
 *
 * @internal
 */
export interface Field<T = unknown, P extends Presence = Presence> {
  /** What the field holds. */
  readonly kind: Kind;
  /** Whether it must be there. */
  readonly presence: P;
  /** The object shape of an `object`, `list` or `preset-or-object` field. */
  readonly shape?: Shape;
  /** For an event's `terms`: the shape by the event's `type` (no entry: no terms). */
  readonly byType?: Readonly<Record<string, Shape>>;
  /** Type only. */
  readonly json?: T;
}

/**
 * A wire object: its fields, by key, in the order the specification writes them.
 *
 * @internal
 */
export interface Shape<
  F extends Readonly<Record<string, Field>> = Readonly<Record<string, Field>>,
> {
  /** The fields, by key. */
  readonly fields: F;
}

/** A field kind, before saying whether it is required. */
interface Of<T> {
  readonly kind: Kind;
  readonly shape?: Shape;
  readonly byType?: Readonly<Record<string, Shape>>;
  readonly json?: T;
}

const id: Of<string> = { kind: 'id' };
const account: Of<string> = { kind: 'account' };
const currency: Of<string> = { kind: 'currency' };
const amount: Of<DecimalJson> = { kind: 'amount' };
const percent: Of<DecimalJson> = { kind: 'percent' };
const instant: Of<string> = { kind: 'instant' };
const integer: Of<number> = { kind: 'integer' };
const boolean: Of<boolean> = { kind: 'boolean' };
/** The kind, or `null`, which means something else than absent (`maxCocreators`). */
const orNull = <T>(of: Of<T>): Of<T | null> => of;
/** One of a fixed set of strings, named by the type `T` (the reader holds the list). */
const oneOf = <T extends string>(): Of<T> => ({ kind: 'enum' });
/**
 * An object of this shape. Its type is the object written out; a shape whose type has a name
 * (`MoneyJson`) is given it where the field is declared, `required<MoneyJson>(object(MONEY))`,
 * so that the parent's type says `MoneyJson` instead of writing the object out again.
 */
const object = <F extends Readonly<Record<string, Field>>>(shape: Shape<F>): Of<WrittenOut<F>> => ({
  kind: 'object',
  shape,
});
/** A list of objects of this shape (named as {@link object}'s are). */
const list = <F extends Readonly<Record<string, Field>>>(
  shape: Shape<F>,
): Of<ReadonlyArray<WrittenOut<F>>> => ({ kind: 'list', shape });
/** An object whose keys are data (a currency code), each holding a `T`. */
const table = <T>(_item: Of<T>): Of<Readonly<Record<string, T>>> => ({ kind: 'table' });

function required<T>(of: Of<T>): Field<T, 'required'> {
  return { ...of, presence: 'required' };
}
function optional<T>(of: Of<T>): Field<T, 'optional'> {
  return { ...of, presence: 'optional' };
}
function fromPreset<T>(of: Of<T>): Field<T, 'from-preset'> {
  return { ...of, presence: 'from-preset' };
}
function shape<F extends Readonly<Record<string, Field>>>(fields: F): Shape<F> {
  return Object.freeze({ fields: Object.freeze(fields) });
}

type ValueOf<X> = X extends Field<infer T> ? T : never;
type RequiredKeys<F> = {
  [K in keyof F]: F[K] extends Field<unknown, 'required'> ? K : never;
}[keyof F];
/** Flattens an intersection into one object type; each property keeps its doc comment. */
type Flat<T> = T extends infer U ? { [K in keyof U]: U[K] } : never;
type FromPresetKeys<F> = {
  [K in keyof F]: F[K] extends Field<unknown, 'from-preset'> ? K : never;
}[keyof F];

/**
 * The wire type of an object described by `F`, written out: required fields as they are,
 * optional ones optional and `null`-able (`null` means absent, specification §8), the fields a
 * preset supplies optional. It is flattened by a conditional type, which drops the name of
 * any alias given to it: the objects that have no name of their own are this (a policy's
 * `cocreatorPercent`), the named ones {@link JsonOf}.
 */
type WrittenOut<F> = Flat<
  { readonly [K in keyof F as K extends RequiredKeys<F> ? K : never]: ValueOf<F[K]> } & {
    readonly [K in keyof F as K extends FromPresetKeys<F> ? K : never]?: ValueOf<F[K]>;
  } & {
    readonly [K in keyof F as K extends RequiredKeys<F> | FromPresetKeys<F> ? never : K]?: ValueOf<
      F[K]
    > | null;
  }
>;

/**
 * The wire type of an object described by `F`, for a type alias that names it
 * (`type MoneyJson = JsonOf<typeof MONEY.fields>`): the same type as {@link WrittenOut}, mapped
 * once more so that it keeps the alias's name wherever it appears (hover, `.d.ts`, the API
 * reference). Each field keeps its doc comment.
 *
 * @internal
 */
export type JsonOf<F> = { [K in keyof WrittenOut<F>]: WrittenOut<F>[K] };

// ---------------------------------------------------------------------------------------------
// The shapes of specification §8
// ---------------------------------------------------------------------------------------------

/** `{ "amount": "197.00", "currency": "BRL" }` @internal */
export const MONEY = shape({
  /** Non-negative, with at most the currency's decimals. */
  amount: required(amount),
  /** An active ISO 4217 code, case-sensitive. */
  currency: required(currency),
});

/**
 * Money on the wire: `{ "amount": "197.00", "currency": "BRL" }`.
 *
 * @group The wire format
 * @interface
 */
export type MoneyJson = JsonOf<typeof MONEY.fields>;

/** A platform fee schedule (specification §2). @internal */
export const FEE_SCHEDULE = shape({
  /** From 0 to 100; absent is 0. */
  percent: optional(percent),
  /** Fixed fee per currency code, as an amount in that currency's major units (`{ USD: '0.99' }`); absent is none. */
  fixed: optional(table(amount)),
});

/**
 * A platform fee schedule on the wire (specification §2).
 *
 * @group The wire format
 * @interface
 */
export type FeeScheduleJson = JsonOf<typeof FEE_SCHEDULE.fields>;

/** A policy's bounds on one contract's percent. @internal */
export const COCREATOR_PERCENT = shape({
  /** The smallest contract percent, above 0. */
  min: fromPreset(percent),
  /** The largest contract percent, at most `100 - minRetainedPercent`. */
  max: fromPreset(percent),
});

/** A custom policy: with `extends` it overrides single fields of a preset. @internal */
export const POLICY = shape({
  /** The preset to start from; without it every field but `fee` is required. */
  extends: optional(oneOf<PolicyName>()),
  /** The part of the split base the main creator always keeps, `0 <= p < 100`. */
  minRetainedPercent: fromPreset(percent),
  /** Bounds on one contract's percent; with `extends`, either bound alone is merged. */
  cocreatorPercent: fromPreset(object(COCREATOR_PERCENT)),
  /** Decimal places allowed in a contract percent, an integer from 0 to 6. */
  percentDecimals: fromPreset(integer),
  /** Live contracts per product, a positive integer; `null` is no limit (not absent). */
  maxCocreators: fromPreset(orNull(integer)),
  /** Whether a sale that a contract covers may have an affiliate. */
  affiliatesOnCocreatedProducts: fromPreset(boolean),
  /** How a contract is cancelled: `"mutual"` or `"unilateral"`. */
  cancellation: fromPreset(oneOf<CancellationRule>()),
  /** How changed terms take effect: `"cocreator-approval"` or `"immediate"`. */
  amendments: fromPreset(oneOf<AmendmentRule>()),
  /** The platform's fee schedule, used when a sale names no fee; absent or `null` for none. */
  fee: optional<FeeScheduleJson>(object(FEE_SCHEDULE)),
});

/** A product. @internal */
export const PRODUCT = shape({
  /** A non-empty string of at most 1000 characters, kept as written. */
  id: required(id),
  /** The account that registered the product (trimmed and ASCII lower-cased when read). */
  mainCreator: required(account),
  /** The affiliate percent used when a sale names none, `0 < p <= 100`, any number of places. */
  affiliateCommission: optional(percent),
});

/**
 * Contract terms as an amendment gives them: every field optional, at least one given, and
 * `endsAt: null` makes the term unlimited. @internal
 */
export const TERMS_PATCH = shape({
  /** The cocreator's percent of the split base. */
  percent: optional(percent),
  /** Which sales pay: `all-sales` (default), `direct-sales`, `affiliate-sales`, `managed-affiliate-sales`. */
  appliesTo: optional(oneOf<AppliesTo>()),
  /** The end of the term (exclusive), with an offset; `null` is unlimited. */
  endsAt: optional(instant),
  /** Whether the cocreator may also be the affiliate of a covered sale (default false). */
  mayAlsoSellAsAffiliate: optional(boolean),
});

/**
 * Contract terms on the wire: the invitation's (with `percent`) or an amendment's patch.
 *
 * @group The wire format
 * @interface
 */
export type TermsJson = JsonOf<typeof TERMS_PATCH.fields>;

/** Contract terms as an invitation gives them: the patch's keys, `percent` required. @internal */
export const INVITATION_TERMS = shape({ ...TERMS_PATCH.fields, percent: required(percent) });

/**
 * Every event type of a contract history, in the order of specification §3's table: the
 * wire's list, which the contract types (`ContractEventType`) and the reader share. @internal
 */
export const EVENT_TYPES = Object.freeze([
  'invited',
  'accepted',
  'declined',
  'withdrawn',
  'amendment-proposed',
  'amendment-approved',
  'amendment-declined',
  'amendment-withdrawn',
  'amended',
  'cancellation-requested',
  'cancellation-approved',
  'cancellation-rejected',
  'cancellation-withdrawn',
  'cancelled',
] as const);

/** One of {@link EVENT_TYPES}. @internal */
export type EventTypeName = (typeof EVENT_TYPES)[number];

/** The event types whose events carry terms, and the shape of their terms. */
const TERMS_BY_EVENT_TYPE: Readonly<Record<string, Shape>> = {
  invited: INVITATION_TERMS,
  'amendment-proposed': TERMS_PATCH,
  amended: TERMS_PATCH,
};

/** One event of a contract history. @internal */
export const CONTRACT_EVENT = shape({
  /** One of specification §3's event types, e.g. `"invited"`. */
  type: required(oneOf<EventTypeName>()),
  /** When it happened: an instant with an offset, e.g. `"2026-01-01T00:00:00Z"`. */
  at: required(instant),
  /** The account that made it. */
  by: required(account),
  /** Required on `invited`, `amendment-proposed` and `amended`, refused on the others. */
  terms: optional<TermsJson>({ ...object(TERMS_PATCH), byType: TERMS_BY_EVENT_TYPE }),
});

/**
 * One event of a contract history on the wire.
 *
 * @group The wire format
 * @interface
 */
export type ContractEventJson = JsonOf<typeof CONTRACT_EVENT.fields>;

/** A contract: its whole history, oldest first. @internal */
export const CONTRACT = shape({
  /** A non-empty string of at most 1000 characters, unique in a document. */
  id: required(id),
  /** The product it belongs to. */
  productId: required(id),
  /** The account that holds the contract. */
  cocreator: required(account),
  /** The history, oldest first, times non-decreasing; at least one event, the first an `invited`. */
  events: required<ReadonlyArray<ContractEventJson>>(list(CONTRACT_EVENT)),
});

/**
 * What {@link contract} reads: the wire shape of specification §8 (`ContractJson` of
 * `cocreation/wire`), derived from its one description.
 *
 * @group Contracts and their lifecycle
 * @interface
 */
export type CocreationContractInput = JsonOf<typeof CONTRACT.fields>;

/** A sale's affiliate. @internal */
export const SALE_AFFILIATE = shape({
  /** The account that sold. */
  account: required(account),
  /** The affiliate's percent of the net, `0 < p <= 100`; absent uses the product's `affiliateCommission`. */
  percent: optional(percent),
  /** The affiliate manager, for `managed-affiliate-sales` contracts. */
  managedBy: optional(account),
});

/**
 * A sale's affiliate on the wire.
 *
 * @group The wire format
 * @interface
 */
export type SaleAffiliateJson = JsonOf<typeof SALE_AFFILIATE.fields>;

/** A sale. @internal */
export const SALE = shape({
  /** A non-empty string of at most 1000 characters, kept as written. */
  id: required(id),
  /** The product sold. */
  productId: required(id),
  /** When it was paid, with an offset. */
  at: required(instant),
  /** What the buyer paid, P. */
  price: required<MoneyJson>(object(MONEY)),
  /** The platform's fee as charged, in the price's currency; absent uses the policy's schedule. */
  platformFee: optional<MoneyJson>(object(MONEY)),
  /** Who sold it, when an affiliate did. */
  affiliate: optional<SaleAffiliateJson>(object(SALE_AFFILIATE)),
});

/**
 * A sale on the wire.
 *
 * @group The wire format
 * @interface
 */
export type SaleJson = JsonOf<typeof SALE.fields>;

/** A refund. @internal */
export const REFUND = shape({
  /** Unique within the sale. */
  id: required(id),
  /** Not before the sale, nor before the refund before it. */
  at: required(instant),
  /** Above 0, in the sale's currency. */
  amount: required<MoneyJson>(object(MONEY)),
});

/**
 * A refund on the wire.
 *
 * @group The wire format
 * @interface
 */
export type RefundJson = JsonOf<typeof REFUND.fields>;

/** The input document of `cocreation settle`. @internal */
export const SETTLE_DOCUMENT = shape({
  /** A preset name (`"hotmart"`, `"kiwify"`, `"gumroad"`) or a policy object; default `"hotmart"`. */
  policy: optional<PolicyInput>({
    kind: 'preset-or-object',
    shape: POLICY,
  }),
  /** The product sold. */
  product: required<ProductInput>(object(PRODUCT)),
  /** Every contract of the product, each with its whole history. */
  contracts: required<ReadonlyArray<CocreationContractInput>>(list(CONTRACT)),
  /** The sale to settle. */
  sale: required<SaleJson>(object(SALE)),
  /** The sale's refunds, in order; default none. */
  refunds: optional<ReadonlyArray<RefundJson>>(list(REFUND)),
});

/**
 * The shape of the value a field holds, given the object it is in: an event's `terms` take
 * the shape its `type` names (none: the event carries no terms). `undefined` for a field
 * that holds no object (or a table, whose keys are data).
 *
 * @internal
 */
export function shapeOf(f: Field, parent: Readonly<Record<string, unknown>>): Shape | undefined {
  if (f.byType === undefined) return f.shape;
  const type = parent.type;
  return typeof type === 'string' && Object.hasOwn(f.byType, type) ? f.byType[type] : undefined;
}

/**
 * Whether a field must be in the object `parent` (specification §8): a `required` field
 * always; a `fromPreset` one unless the policy it is part of extends a preset (`inPreset`);
 * an event's `terms` when its `type` carries terms.
 *
 * @internal
 */
export function isRequired(
  f: Field,
  parent: Readonly<Record<string, unknown>>,
  inPreset: boolean,
): boolean {
  if (f.byType !== undefined) return shapeOf(f, parent) !== undefined;
  return f.presence === 'required' || (f.presence === 'from-preset' && !inPreset);
}

/**
 * The keys an object of this shape may have, for the readers' `readObject`.
 *
 * @internal
 */
export function keysOf(s: Shape): ReadonlyArray<string> {
  return Object.keys(s.fields);
}
