/**
 * What the generators of `cocreation/testing` reach, counted over a fixed-seed sample.
 *
 * testing.test.ts proves that what they draw is valid; this file proves that they draw
 * *everything* they promise: every spelling of a value, every optional field present, `null`
 * and absent, every branch of a policy, a contract history, a sale and its refunds. A change
 * that quietly narrows a generator (a case that is never taken, a field that is never
 * written) leaves every drawn document valid, so only a census like this one notices it.
 *
 * Each test draws its own sample inside `it`, so that mutation testing links the generator
 * code to the assertions that check it (contributing/mutation.md).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { covers, statusAt, termsAt } from '../src/contracts/queries';
import {
  contractHistoryJson,
  documentJson,
  malformedDocument,
  saleJson,
  validPolicyJson,
} from '../src/testing';
import { validateDomain } from '../src/validate/domain';
import { parseDocument } from '../src/wire/document';
import type {
  ContractEventJson,
  DecimalJson,
  PolicyJson,
  SettleDocumentJson,
  TermsJson,
} from '../src/wire/json';
import { settleToJson } from '../src/wire/oracle';

const SEED = 20_261_126;

function sample<T>(arbitrary: fc.Arbitrary<T>, numRuns = 3000): T[] {
  return fc.sample(arbitrary, { numRuns, seed: SEED });
}

/** The labels of `expected` that `seen` lacks (an empty list when the census is complete). */
function missing(seen: ReadonlySet<string>, expected: ReadonlyArray<string>): string[] {
  return expected.filter((label) => !seen.has(label));
}

/** Labels that must never be seen (for "never" facts). */
function present(seen: ReadonlySet<string>, forbidden: ReadonlyArray<string>): string[] {
  return forbidden.filter((label) => seen.has(label));
}

function eventsOf(doc: SettleDocumentJson): ContractEventJson[] {
  return doc.contracts.flatMap((c) => [...c.events]);
}

const TERMS_EVENTS = new Set(['invited', 'amendment-proposed', 'amended']);

/** A percent in millionths (the specification allows at most six places). */
/** A decimal as an integer count of `10^-places` (`places` at least its own decimals). */
function scaled(value: DecimalJson, places: number): bigint {
  const [whole = '0', fraction = ''] = String(value).split('.');
  return BigInt(whole + fraction.padEnd(places, '0'));
}

/** A percent in millionths (the specification allows at most six places). */
function millionths(value: DecimalJson): bigint {
  return scaled(value, 6);
}

/** ISO 4217 exponents of the currencies the generators draw (specification §1). */
const EXPONENT: Readonly<Record<string, number>> = {
  BRL: 2,
  USD: 2,
  JPY: 0,
  KWD: 3,
  EUR: 2,
  CLP: 0,
  CLF: 4,
};

/** An amount in minor units of its currency. */
function minorUnits(amount: DecimalJson, currency: string): bigint {
  return scaled(amount, EXPONENT[currency] ?? 0);
}

function placesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** How a decimal is spelled: a JSON number, or text with trailing zeros, or shortest text. */
function decimalForm(value: DecimalJson): string {
  if (typeof value === 'number') return 'number';
  return /\.\d*0$/.test(value) ? 'padded' : 'shortest';
}

/** An instant's offset and its number of fraction digits. */
function instantForm(text: string): string[] {
  const match = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (match === null) return ['unreadable'];
  const digits = match[1]?.length ?? 0;
  const zone = match[2] as string;
  const offset =
    zone === 'Z' ? 'Z' : zone === '+00:00' ? '+00:00' : zone.startsWith('-') ? '-hh:mm' : '+hh:mm';
  const fraction = digits === 0 ? '0' : digits < 3 ? '1-2' : digits === 3 ? '3' : '4-9';
  return [`offset ${offset}`, `fraction ${fraction}`];
}

/** Epoch milliseconds of an instant in any of its valid spellings. */
function epoch(text: string): number {
  const [, fraction = ''] = /\.(\d+)/.exec(text) ?? [];
  const rounded = text.replace(/\.\d+/, `.${fraction.padEnd(3, '0').slice(0, 3)}`);
  return Date.parse(rounded);
}

function accountForm(text: string): string {
  if (text !== text.trim()) return text === `  ${text.trim()}\t` ? 'padded' : 'other spaces';
  if (text === text.toLowerCase()) return 'canonical';
  if (text === text.replace(/[a-z]/g, (c) => c.toUpperCase())) return 'upper';
  return text.slice(1) === text.slice(1).toLowerCase() ? 'capitalized' : 'mixed';
}

function termsKeys(terms: TermsJson): string {
  return Object.keys(terms).sort().join('+');
}

describe('documentJson census (fixed seed)', () => {
  it('spells instants with Z, +00:00 and offsets both ways, with 0 to 9 fraction digits', () => {
    const seen = new Set<string>();
    const hours = new Set<number>();
    for (const doc of sample(documentJson())) {
      const texts = [
        doc.sale.at,
        ...(doc.refunds ?? []).map((r) => r.at),
        ...eventsOf(doc).flatMap((e) => [e.at, e.terms?.endsAt]),
      ].filter((t): t is string => typeof t === 'string');
      for (const text of texts) {
        for (const label of instantForm(text)) seen.add(label);
        const digits = /\.(\d+)/.exec(text)?.[1] ?? '';
        if (digits.length === 1) seen.add('fraction of one digit');
        // Digits past the milliseconds, zero-padded: '.120' then '000045'.
        if (digits.length > 4 && digits[3] === '0') seen.add('padded digits past the milliseconds');
        if (text.endsWith('-00:00')) seen.add('-00:00');
        const zone = /([+-])(\d\d):(\d\d)$/.exec(text);
        if (zone !== null) {
          hours.add(Number(zone[2]));
          if (Number(zone[3]) > 0) seen.add('offset minutes');
        }
      }
    }
    expect(
      missing(seen, [
        'offset Z',
        'offset +00:00',
        'offset +hh:mm',
        'offset -hh:mm',
        'offset minutes',
        'fraction 0',
        'fraction 1-2',
        'fraction 3',
        'fraction 4-9',
        'fraction of one digit',
        'padded digits past the milliseconds',
      ]),
    ).toEqual([]);
    // '-00:00' is RFC 3339's "offset unknown": the generators write a zero offset as +00:00.
    expect(present(seen, ['unreadable', '-00:00'])).toEqual([]);
    // Offsets span the whole range the specification allows (up to 23:59 either way).
    expect(Math.max(...hours)).toBe(23);
    expect(Math.min(...hours)).toBe(0);
  });

  it('spells percents, amounts and accounts in every valid way, with every name and domain', () => {
    const seen = new Set<string>();
    const names = new Set<string>();
    const domains = new Set<string>();
    let hotmartHighest = 0;
    // Under Hotmart (two places), percents of contracts padded with zeros up to two places.
    for (const doc of sample(documentJson({ policy: 'hotmart' }), 1000)) {
      for (const e of eventsOf(doc)) {
        const percent = e.terms?.percent;
        if (percent === undefined) continue;
        if (/^\d+\.0+$/.test(String(percent))) seen.add('hotmart whole percent padded');
        if (/^\d+\.[1-9]0$/.test(String(percent))) seen.add('hotmart fraction padded');
        if (placesOf(String(percent)) > 2) seen.add('hotmart percent past two places');
        hotmartHighest = Math.max(hotmartHighest, Number(percent));
      }
    }
    for (const doc of sample(documentJson())) {
      const percents = [
        ...eventsOf(doc).flatMap((e) => (e.terms?.percent === undefined ? [] : [e.terms.percent])),
        doc.sale.affiliate?.percent,
        doc.product.affiliateCommission,
      ].filter((p): p is DecimalJson => p !== undefined && p !== null);
      for (const p of percents) seen.add(`percent ${decimalForm(p)}`);
      const amounts = [
        doc.sale.price,
        doc.sale.platformFee,
        ...(doc.refunds ?? []).map((r) => r.amount),
      ];
      for (const m of amounts) {
        if (m === undefined || m === null) continue;
        const exponent = EXPONENT[m.currency] ?? 0;
        const places = placesOf(String(m.amount));
        if (typeof m.amount === 'number') seen.add('amount number');
        else if (exponent === 0) seen.add('amount without decimals');
        else seen.add(places === exponent ? 'amount in all decimals' : 'amount in fewer decimals');
        if (places > exponent) seen.add('amount in more decimals');
      }

      const accounts = [
        doc.product.mainCreator,
        ...doc.contracts.map((c) => c.cocreator),
        ...eventsOf(doc).map((e) => e.by),
        doc.sale.affiliate?.account,
        doc.sale.affiliate?.managedBy,
      ].filter((a): a is string => typeof a === 'string');
      for (const account of accounts) {
        seen.add(`account ${accountForm(account)}`);
        const [local = '', domain = ''] = account.trim().toLowerCase().split('@');
        names.add(local.replace(/\d+$/, ''));
        domains.add(domain);
        seen.add(/\d$/.test(local) ? 'account numbered' : 'account unnumbered');
        // The main creator is drawn first and has no number; the others count from 1.
        if (/[^\d]0$/.test(local)) seen.add('account numbered 0');
      }
    }
    expect(
      missing(seen, [
        'percent number',
        'percent padded',
        'percent shortest',
        'amount number',
        'amount without decimals',
        'amount in all decimals',
        'amount in fewer decimals',
        'hotmart whole percent padded',
        'hotmart fraction padded',
        'account canonical',
        'account upper',
        'account capitalized',
        'account padded',
        'account numbered',
        'account unnumbered',
      ]),
    ).toEqual([]);
    expect(
      present(seen, [
        'account other spaces',
        'account mixed',
        'account numbered 0',
        'hotmart percent past two places',
        'amount in more decimals',
      ]),
    ).toEqual([]);
    // Contract percents reach Hotmart's highest (70), not only its lowest steps.
    expect(hotmartHighest).toBeGreaterThan(60);
    expect([...names].sort()).toEqual(
      ['ana', 'bia', 'caio', 'duda', 'joão', 'leo', 'max', 'yuki', 'zoë', 'élodie'].sort(),
    );
    expect([...domains].sort()).toEqual(['example.com', 'example.org', 'mail.example.net']);
  });

  it('writes policies as preset names, extends with overrides, in full, null and absent', () => {
    const seen = new Set<string>();
    const policyOf = (doc: SettleDocumentJson): PolicyJson | null | undefined =>
      'policy' in doc ? (doc.policy ?? null) : undefined;
    for (const doc of sample(documentJson())) {
      const p = policyOf(doc);
      if (p === undefined) seen.add('absent');
      else if (p === null) seen.add('null');
      else if (typeof p === 'string') seen.add(`name ${p}`);
      else if (typeof p.extends === 'string') {
        seen.add(`extends ${p.extends}`);
        if (Object.keys(p).length === 1) seen.add('extends alone');
        const bounds = p.cocreatorPercent;
        if (bounds !== undefined)
          seen.add(`extends bounds ${Object.keys(bounds).sort().join('+')}`);
        // A field written with the preset's own value (Hotmart keeps 30 %).
        if (p.extends === 'hotmart' && p.affiliatesOnCocreatedProducts === false) {
          seen.add('affiliates forbidden over a preset');
        }
        if (p.extends === 'gumroad' && p.affiliatesOnCocreatedProducts === true) {
          seen.add('affiliates allowed over a preset');
        }
        if (p.extends === 'hotmart' && p.minRetainedPercent !== undefined) {
          seen.add(millionths(p.minRetainedPercent) === 30_000_000n ? 'restated' : 'overridden');
        }
      } else seen.add(p.extends === null ? 'full, extends null' : 'full');
    }
    expect(
      missing(seen, [
        'absent',
        'null',
        'name hotmart',
        'name kiwify',
        'name gumroad',
        'extends hotmart',
        'extends kiwify',
        'extends gumroad',
        'extends alone',
        'extends bounds max',
        'extends bounds min',
        'extends bounds max+min',
        'restated',
        'overridden',
        'affiliates forbidden over a preset',
        'affiliates allowed over a preset',
        'full',
        'full, extends null',
      ]),
    ).toEqual([]);
  });

  it('draws custom policies across every setting, fee schedules included', () => {
    const seen = new Set<string>();
    const shares = new Shares();
    let affiliatesAllowed = 0;
    let full = 0;
    for (const doc of sample(documentJson({ policy: 'custom' }))) {
      const p = doc.policy;
      // Policies in full only: a preset with overrides repeats the preset's own settings.
      if (typeof p !== 'object' || p === null || typeof p.extends === 'string') continue;
      full += 1;
      if (p.affiliatesOnCocreatedProducts === true) affiliatesAllowed += 1;
      if (p.percentDecimals !== undefined) seen.add(`decimals ${p.percentDecimals}`);
      if (p.maxCocreators !== undefined) seen.add(`maxCocreators ${p.maxCocreators}`);
      if (p.cancellation !== undefined) seen.add(`cancellation ${p.cancellation}`);
      if (p.amendments !== undefined) seen.add(`amendments ${p.amendments}`);
      if (p.affiliatesOnCocreatedProducts !== undefined) {
        seen.add(`affiliates ${p.affiliatesOnCocreatedProducts}`);
      }
      const retained = millionths(p.minRetainedPercent ?? 0);
      const whole = retained / 1_000_000n;
      shares.add(
        'retained',
        retained % 1_000_000n !== 0n
          ? 'fraction'
          : [20n, 30n, 50n, 90n].includes(whole)
            ? 'a usual floor'
            : whole === 0n
              ? '0'
              : 'another whole',
      );
      shares.add('maxCocreators', p.maxCocreators === null ? 'none' : 'some');
      if (p.fee !== undefined && p.fee !== null) {
        shares.add('fee percent', p.fee.percent === undefined ? 'omitted' : 'written');
      }
      seen.add(
        retained % 1_000_000n !== 0n
          ? 'retained fraction'
          : [0n, 20n, 30n, 50n, 90n].includes(whole)
            ? `retained ${whole}`
            : 'retained whole',
      );
      const bounds = p.cocreatorPercent;
      if (bounds !== undefined) seen.add(`bounds ${Object.keys(bounds).sort().join('+')}`);
      if (typeof p.extends !== 'string' && bounds?.min !== undefined && bounds.max !== undefined) {
        // A policy in full: the bounds sit on its grid, the lowest step or above it, and the
        // cap (100 - minRetainedPercent) or below it.
        const grid = 10n ** BigInt(6 - Number(p.percentDecimals));
        const min = millionths(bounds.min);
        const max = millionths(bounds.max);
        const cap = 100_000_000n - millionths(p.minRetainedPercent ?? 0);
        if (min % grid !== 0n || max % grid !== 0n || min > max || max > cap)
          seen.add('bad bounds');
        seen.add(min === grid ? 'min one step' : 'min above one step');
        seen.add(max === cap ? 'max at the cap' : 'max below the cap');
      }
      if (p.fee !== undefined && p.fee !== null) {
        seen.add(`fee ${Object.keys(p.fee).sort().join('+') || 'empty'}`);
        for (const code of Object.keys(p.fee.fixed ?? {})) seen.add(`fixed ${code}`);
        if (p.fee.percent !== undefined) {
          seen.add(Number(p.fee.percent) > 0 ? 'fee percent > 0' : 'fee percent 0 written');
        }
        if (Object.values(p.fee.fixed ?? {}).some((v) => Number(v) > 0)) seen.add('fixed fee > 0');
      }
    }
    expect(
      missing(seen, [
        ...[0, 1, 2, 3, 4, 5, 6].map((d) => `decimals ${d}`),
        'maxCocreators null',
        ...[1, 2, 3, 4].map((n) => `maxCocreators ${n}`),
        'cancellation mutual',
        'cancellation unilateral',
        'amendments cocreator-approval',
        'amendments immediate',
        'affiliates true',
        'affiliates false',
        ...['0', '20', '30', '50', '90'].map((r) => `retained ${r}`),
        'retained fraction',
        'retained whole',
        'bounds max+min',
        'min one step',
        'min above one step',
        'max at the cap',
        'max below the cap',
        'fee fixed+percent',
        'fee fixed',
        'fee percent',
        'fee percent > 0',
        'fee percent 0 written',
        'fixed fee > 0',
        ...['BRL', 'USD', 'JPY', 'KWD', 'EUR', 'CLP', 'CLF'].map((c) => `fixed ${c}`),
      ]),
    ).toEqual([]);
    expect(present(seen, ['maxCocreators 0', 'maxCocreators 5', 'bad bounds'])).toEqual([]);
    // minRetainedPercent: 20, 30, 50 or 90 (or 0) one time in three, any whole percent up to
    // 90 one time in three, two places one time in three.
    expect(shares.of('retained', 'a usual floor')).toBeGreaterThan(0.15);
    expect(shares.of('retained', 'another whole')).toBeGreaterThan(0.15);
    expect(shares.of('retained', 'fraction')).toBeGreaterThan(0.15);
    // No limit on cocreators one time in three.
    expect(shares.of('maxCocreators', 'none')).toBeGreaterThan(0.2);
    expect(shares.of('maxCocreators', 'none')).toBeLessThan(0.45);
    // A fee's percent is left out only when it is 0, and then half the time.
    expect(shares.of('fee percent', 'omitted')).toBeLessThan(0.05);
    // Affiliates are allowed on cocreated products two times in three.
    expect(affiliatesAllowed / full).toBeGreaterThan(0.55);
    expect(affiliatesAllowed / full).toBeLessThan(0.8);
  });

  it('draws every shape of terms: absent, null and explicit fields, and every kind of patch', () => {
    const seen = new Set<string>();
    const patches = new Set<string>();
    for (const doc of sample(documentJson())) {
      for (const c of doc.contracts) {
        const [first] = c.events;
        const terms = first?.terms;
        if (terms === undefined || terms === null) {
          seen.add('invitation without terms');
          continue;
        }
        seen.add(`appliesTo ${terms.appliesTo === undefined ? 'absent' : terms.appliesTo}`);
        seen.add(
          `endsAt ${terms.endsAt === undefined ? 'absent' : terms.endsAt === null ? 'null' : 'set'}`,
        );
        const may = terms.mayAlsoSellAsAffiliate;
        seen.add(`mayAlso ${may === undefined ? 'absent' : String(may)}`);
        if (terms.endsAt === undefined || terms.endsAt === null) {
          if (c.events.length > 1) seen.add('unlimited contract with events after its invitation');
        }
        c.events.forEach((e, k) => {
          if (e.type !== 'amendment-approved') return;
          const proposal = c.events
            .slice(0, k)
            .reverse()
            .find((x) => x.type === 'amendment-proposed');
          const end = proposal?.terms?.endsAt;
          seen.add(
            typeof end === 'string'
              ? 'approved patch with an end'
              : 'approved patch without an end',
          );
        });
        for (const e of c.events.slice(1)) {
          if (TERMS_EVENTS.has(e.type)) {
            if (e.terms === undefined || e.terms === null) seen.add('patch without terms');
            else {
              patches.add(termsKeys(e.terms));
              if (e.terms.endsAt === null) seen.add('patch endsAt null');
              if (typeof e.terms.endsAt === 'string') seen.add('patch endsAt set');
              if (e.terms.mayAlsoSellAsAffiliate === true) seen.add('patch mayAlso true');
              if (e.terms.mayAlsoSellAsAffiliate === false) seen.add('patch mayAlso false');
            }
          } else if ('terms' in e)
            seen.add(e.terms === null ? 'terms null elsewhere' : 'terms elsewhere');
        }
      }
    }
    expect(
      missing(seen, [
        'appliesTo absent',
        'appliesTo all-sales',
        'appliesTo direct-sales',
        'appliesTo affiliate-sales',
        'appliesTo managed-affiliate-sales',
        'endsAt absent',
        'endsAt null',
        'endsAt set',
        'mayAlso absent',
        'mayAlso true',
        'mayAlso false',
        'patch endsAt null',
        'patch endsAt set',
        'unlimited contract with events after its invitation',
        'approved patch with an end',
        'approved patch without an end',
        'patch mayAlso true',
        'patch mayAlso false',
        'terms null elsewhere',
      ]),
    ).toEqual([]);
    expect(
      present(seen, ['invitation without terms', 'patch without terms', 'terms elsewhere']),
    ).toEqual([]);
    // Every non-empty subset of the four fields of a patch.
    const fields = ['appliesTo', 'endsAt', 'mayAlsoSellAsAffiliate', 'percent'];
    const subsets = Array.from({ length: 15 }, (_, i) =>
      fields.filter((_, bit) => ((i + 1) >> bit) & 1).join('+'),
    );
    expect(missing(patches, subsets)).toEqual([]);
    expect(patches.size).toBe(15);
  });

  it('draws zero to four contracts with ids in three styles, events at equal and distant instants', () => {
    const seen = new Set<string>();
    let longest = 0;
    for (const doc of sample(documentJson())) {
      seen.add(`contracts ${doc.contracts.length}`);
      doc.contracts.forEach((c, i) => {
        const style = /^(c|contract-|K)(\d+)$/.exec(c.id);
        seen.add(style === null ? `bad id ${c.id}` : `id ${style[1]}`);
        if (style !== null && Number(style[2]) !== i + 1) seen.add('id out of order');
        if (c.productId !== doc.product.id) seen.add('other product');
        longest = Math.max(longest, c.events.length);
        const times = c.events.map((e) => epoch(e.at));
        for (let k = 1; k < times.length; k += 1) {
          const step = (times[k] as number) - (times[k - 1] as number);
          seen.add(
            step === 0
              ? 'step 0'
              : step === 1
                ? 'step 1 ms'
                : step < 3_600_001
                  ? 'step within an hour'
                  : step % 86_400_000 === 0
                    ? 'step whole days'
                    : step > 86_400_000
                      ? 'step days and time'
                      : 'step hours',
          );
        }
      });
      const starts = doc.contracts.map((c) => epoch(c.events[0]?.at ?? ''));
      if (starts.length >= 2) seen.add(starts[1] === starts[0] ? 'same start' : 'later start');
      if (starts.some((s) => s < 946_684_800_000)) seen.add('before 2000');
    }
    expect(
      missing(seen, [
        'contracts 0',
        'contracts 1',
        'contracts 2',
        'contracts 3',
        'contracts 4',
        'id c',
        'id contract-',
        'id K',
        'step 0',
        'step 1 ms',
        'step within an hour',
        'step whole days',
        'step days and time',
        'same start',
        'later start',
      ]),
    ).toEqual([]);
    expect(
      present(seen, ['id out of order', 'other product', 'before 2000']).concat(
        [...seen].filter((label) => label.startsWith('bad id')),
      ),
    ).toEqual([]);
    // An invitation and up to seven more events.
    expect(longest).toBe(8);
  });

  it('draws sales with every optional field present, null and absent, at the edges of time', () => {
    const seen = new Set<string>();
    for (const doc of sample(documentJson())) {
      const { sale, product } = doc;
      seen.add(`sale id ${sale.id}`);
      seen.add(`product id ${product.id}`);
      if (sale.productId !== product.id) seen.add('sale of another product');
      const field = (o: object, key: string) =>
        !(key in o) ? 'absent' : (o as Record<string, unknown>)[key] === null ? 'null' : 'set';
      seen.add(`fee ${field(sale, 'platformFee')}`);
      seen.add(`affiliate ${field(sale, 'affiliate')}`);
      seen.add(`commission ${field(product, 'affiliateCommission')}`);
      const affiliate = sale.affiliate;
      const cocreators = doc.contracts.map((c) => c.cocreator.trim().toLowerCase());
      if (affiliate !== undefined && affiliate !== null) {
        seen.add(`affiliate percent ${field(affiliate, 'percent')}`);
        seen.add(`manager ${field(affiliate, 'managedBy')}`);
        if (cocreators.includes(affiliate.account.trim().toLowerCase())) {
          seen.add('affiliate is a cocreator');
        }
        const manager = affiliate.managedBy;
        if (typeof manager === 'string') {
          seen.add(
            cocreators.includes(manager.trim().toLowerCase())
              ? 'managed by a cocreator'
              : 'managed by another',
          );
        }
        if (affiliate.percent !== undefined && affiliate.percent !== null) {
          const places = placesOf(String(affiliate.percent));
          seen.add(
            places === 0
              ? 'affiliate % whole'
              : places <= 2
                ? 'affiliate % 1-2'
                : 'affiliate % 3-6',
          );
        }
      }
      const price = minorUnits(sale.price.amount, sale.price.currency);
      seen.add(price === 0n ? 'price 0' : price > 10n ** 12n ? 'price large' : 'price');
      const fee = sale.platformFee;
      if (fee !== undefined && fee !== null && price > 0n) {
        const f = minorUnits(fee.amount, fee.currency);
        seen.add(f === 0n ? 'fee 0' : f === price ? 'fee = price' : 'fee < price');
      }
      const at = epoch(sale.at);
      const instants = eventsOf(doc).map((e) => epoch(e.at));
      // Starts are drawn from 2000 on, and a sale at most a day before the first.
      if (at < Date.UTC(1999, 11, 31)) seen.add('sale before 1999-12-31');
      const ends = eventsOf(doc).flatMap((e) =>
        typeof e.terms?.endsAt === 'string' ? [[e.type, epoch(e.terms.endsAt)] as const] : [],
      );
      for (const [type, end] of ends) {
        if (end === at) seen.add(type === 'invited' ? 'sale at an end' : 'sale at an amended end');
      }
      if (
        doc.policy === 'gumroad' &&
        doc.contracts.length > 0 &&
        affiliate !== undefined &&
        affiliate !== null
      ) {
        seen.add('affiliate of a product with contracts under gumroad');
      }
      if (instants.length > 0) {
        if (instants.includes(at)) seen.add('sale at an event');
        if (instants.includes(at + 1) || instants.includes(at - 1))
          seen.add('sale 1 ms off an event');
        if (at < Math.min(...instants)) seen.add('sale before every event');
        if (at > Math.max(...instants)) seen.add('sale after every event');
      }
    }
    expect(
      missing(seen, [
        'sale id s1',
        'sale id sale-0001',
        'sale id ch_3PqX9',
        'sale id Venda nº 7',
        'product id p1',
        'product id course-2026',
        'product id Curso de Fotografia',
        'product id prod_01HZX',
        'fee absent',
        'fee null',
        'fee set',
        'affiliate absent',
        'affiliate null',
        'affiliate set',
        'commission absent',
        'commission null',
        'commission set',
        'affiliate percent absent',
        'affiliate percent null',
        'affiliate percent set',
        'manager absent',
        'manager null',
        'manager set',
        'affiliate is a cocreator',
        'managed by a cocreator',
        'managed by another',
        'affiliate % whole',
        'affiliate % 1-2',
        'affiliate % 3-6',
        'price 0',
        'price',
        'price large',
        'fee 0',
        'fee = price',
        'fee < price',
        'sale at an event',
        'sale 1 ms off an event',
        'sale before every event',
        'sale after every event',
        'sale at an end',
        'sale at an amended end',
        'affiliate of a product with contracts under gumroad',
      ]),
    ).toEqual([]);
    expect(present(seen, ['sale of another product', 'sale before 1999-12-31'])).toEqual([]);
  });

  it('draws no refunds, an empty list, and up to three in order, full and partial', () => {
    const seen = new Set<string>();
    for (const doc of sample(documentJson())) {
      const refunds = doc.refunds;
      if (refunds === undefined || refunds === null) {
        seen.add(refunds === null ? 'null' : 'absent');
        continue;
      }
      seen.add(`count ${refunds.length}`);
      refunds.forEach((r, i) => {
        if (r.id !== `r${i + 1}`) seen.add('id out of order');
        if (r.amount.currency !== doc.sale.price.currency) seen.add('other currency');
      });
      const times = [doc.sale.at, ...refunds.map((r) => r.at)].map(epoch);
      if (times.some((t, i) => i > 0 && t === times[i - 1])) seen.add('same instant');
      if (times.some((t, i) => i > 0 && t < (times[i - 1] as number))) seen.add('out of order');
      const total = refunds.reduce(
        (sum, r) => sum + minorUnits(r.amount.amount, r.amount.currency),
        0n,
      );
      const price = minorUnits(doc.sale.price.amount, doc.sale.price.currency);
      if (refunds.length > 0) seen.add(total === price ? 'full' : 'partial');
      if (total > price) seen.add('more than the price');
    }
    expect(
      missing(seen, [
        'absent',
        'null',
        'count 0',
        'count 1',
        'count 2',
        'count 3',
        'full',
        'partial',
        'same instant',
      ]),
    ).toEqual([]);
    expect(
      present(seen, [
        'count 4',
        'id out of order',
        'other currency',
        'out of order',
        'more than the price',
      ]),
    ).toEqual([]);
  });
});

/** Significant decimal places of a percent (trailing zeros of its spelling ignored). */
function significantPlaces(value: DecimalJson): number {
  return (String(value).split('.')[1] ?? '').replace(/0+$/, '').length;
}

/**
 * How often each label comes up, as a share of its group. The bounds below are the shares
 * the generators are built to draw (measured on this seed, with room on both sides): a
 * change that drops a case, or takes it far more or less often, moves a share out of them.
 */
class Shares {
  private readonly counts = new Map<string, number>();
  private readonly totals = new Map<string, number>();

  add(group: string, label: string): void {
    const key = `${group}: ${label}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.totals.set(group, (this.totals.get(group) ?? 0) + 1);
  }

  of(group: string, label: string): number {
    return (this.counts.get(`${group}: ${label}`) ?? 0) / (this.totals.get(group) ?? 1);
  }
}

describe('documentJson shares (fixed seed)', () => {
  it('spells a quarter of instants Z, a quarter +00:00, half with an offset; most with milliseconds', () => {
    const shares = new Shares();
    for (const doc of sample(documentJson())) {
      for (const text of [doc.sale.at, ...eventsOf(doc).map((e) => e.at)]) {
        const zone = /(Z|[+-]\d\d:\d\d)$/.exec(text)?.[1] ?? '';
        shares.add('zone', zone === 'Z' || zone === '+00:00' ? zone : 'offset');
        const digits = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
        shares.add('fraction', digits === 3 ? '3' : digits > 3 ? '4-9' : 'other');
      }
    }
    // An exhausted tape reads as 0, the Z spelling: a little more than a quarter.
    expect(shares.of('zone', 'Z')).toBeGreaterThan(0.25);
    expect(shares.of('zone', 'Z')).toBeLessThan(0.45);
    expect(shares.of('zone', '+00:00')).toBeGreaterThan(0.15);
    expect(shares.of('zone', '+00:00')).toBeLessThan(0.3);
    expect(shares.of('zone', 'offset')).toBeGreaterThan(0.35);
    expect(shares.of('zone', 'offset')).toBeLessThan(0.55);
    expect(shares.of('fraction', '3')).toBeGreaterThan(0.5);
    expect(shares.of('fraction', '4-9')).toBeGreaterThan(0.2);
    expect(shares.of('fraction', '4-9')).toBeLessThan(0.4);
  });

  it('draws terms, prices, affiliates and refunds in their shares', () => {
    const shares = new Shares();
    for (const doc of sample(documentJson())) {
      for (const c of doc.contracts) {
        const terms = c.events[0]?.terms;
        shares.add('endsAt', typeof terms?.endsAt === 'string' ? 'set' : 'not');
        shares.add('appliesTo', terms?.appliesTo === undefined ? 'absent' : 'written');
      }
      const { currency } = doc.sale.price;
      const unit = 10n ** BigInt(EXPONENT[currency] ?? 0);
      const price = minorUnits(doc.sale.price.amount, currency);
      shares.add(
        'price',
        price === 0n
          ? '0'
          : price <= 1000n * unit
            ? 'to 1000 units'
            : price <= 1_000_000n * unit
              ? 'to 10^6 units'
              : 'larger',
      );
      const affiliate = doc.sale.affiliate;
      if (affiliate !== undefined && affiliate !== null) {
        const percent = affiliate.percent;
        shares.add(
          'affiliate percent',
          percent === undefined || percent === null
            ? 'none'
            : significantPlaces(percent) === 0
              ? 'whole'
              : significantPlaces(percent) <= 2
                ? '1-2 places'
                : '3-6 places',
        );
        const cocreators = doc.contracts.map((c) => c.cocreator.trim().toLowerCase());
        const manager = affiliate.managedBy;
        shares.add(
          'manager',
          manager === undefined || manager === null
            ? 'none'
            : cocreators.includes(manager.trim().toLowerCase())
              ? 'cocreator'
              : 'other',
        );
      }
      shares.add('fee', doc.sale.platformFee ? 'explicit' : 'none');
      const refunds = doc.refunds;
      shares.add(
        'refunds',
        refunds === undefined || refunds === null || refunds.length === 0 ? 'none' : 'some',
      );
      const p = doc.policy;
      if (typeof p === 'string') shares.add('policy', `name ${p}`);
      else if (typeof p === 'object' && p !== null && Object.keys(p).length === 1) {
        shares.add('policy', 'extends alone');
      } else shares.add('policy', 'other');
    }
    // An invitation sets an end one time in three; all-sales (two in five) is written one
    // time in three, the others always.
    expect(shares.of('endsAt', 'set')).toBeGreaterThan(0.2);
    expect(shares.of('endsAt', 'set')).toBeLessThan(0.4);
    expect(shares.of('appliesTo', 'absent')).toBeGreaterThan(0.28);
    expect(shares.of('appliesTo', 'absent')).toBeLessThan(0.39);
    // Prices: up to 1000 units, up to a million, up to 10^15 minor units, or 0.
    for (const range of ['to 1000 units', 'to 10^6 units', 'larger']) {
      expect(shares.of('price', range)).toBeGreaterThan(0.15);
    }
    for (const places of ['whole', '1-2 places', '3-6 places']) {
      expect(shares.of('affiliate percent', places)).toBeGreaterThan(0.18);
      expect(shares.of('affiliate percent', places)).toBeLessThan(0.35);
    }
    expect(shares.of('manager', 'cocreator')).toBeGreaterThan(0.18);
    expect(shares.of('manager', 'cocreator')).toBeLessThan(0.35);
    expect(shares.of('manager', 'other')).toBeGreaterThan(0.22);
    expect(shares.of('manager', 'other')).toBeLessThan(0.4);
    expect(shares.of('refunds', 'some')).toBeGreaterThan(0.38);
    // A sale names its own fee one time in three (always when the schedule's exceeds the price).
    expect(shares.of('fee', 'explicit')).toBeGreaterThan(0.2);
    expect(shares.of('fee', 'explicit')).toBeLessThan(0.4);
    // Each preset is drawn as it is, and then mostly written by its name alone.
    for (const name of ['hotmart', 'kiwify', 'gumroad']) {
      expect(shares.of('policy', `name ${name}`)).toBeGreaterThan(0.01);
    }
    const names = ['hotmart', 'kiwify', 'gumroad'].reduce(
      (sum, n) => sum + shares.of('policy', `name ${n}`),
      0,
    );
    expect(names).toBeGreaterThan(2 * shares.of('policy', 'extends alone'));
  });

  it('draws a fifth of sales covered by a contract, many at an event or 1 ms off it', () => {
    const shares = new Shares();
    for (const doc of sample(documentJson(), 2000)) {
      const output = settleToJson(doc);
      if (!output.ok) throw new Error('a drawn document does not settle');
      if (doc.contracts.length === 0) continue;
      const covered = output.settlement.lines.some((l) => l.role === 'cocreator');
      shares.add('sale', covered ? 'covered' : 'not covered');
      const at = epoch(doc.sale.at);
      const events = eventsOf(doc).map((e) => epoch(e.at));
      shares.add(
        'at',
        events.includes(at)
          ? 'an event'
          : events.includes(at - 1) || events.includes(at + 1)
            ? '1 ms off'
            : 'elsewhere',
      );
    }
    expect(shares.of('sale', 'covered')).toBeGreaterThan(0.2);
    expect(shares.of('at', 'an event')).toBeGreaterThan(0.1);
    expect(shares.of('at', '1 ms off')).toBeGreaterThan(0.25);
  });
});

describe('documentJson coverage (fixed seed)', () => {
  it('under Gumroad, sells through affiliates beside contracts that do not cover the sale', () => {
    // Gumroad forbids affiliates on covered sales: an affiliate sale with contracts shows
    // each way a contract can fail to cover it.
    const seen = new Set<string>();
    for (const doc of sample(documentJson({ policy: 'gumroad' }), 2000)) {
      if (doc.sale.affiliate === undefined || doc.sale.affiliate === null) continue;
      const parsed = parseDocument(doc)._unsafeUnwrap();
      const { timelines } = validateDomain(parsed)._unsafeUnwrap();
      for (const timeline of timelines) {
        const status = statusAt(timeline, parsed.sale.at);
        const end = termsAt(timeline, parsed.sale.at)?.endsAt ?? null;
        const expired = end !== null && parsed.sale.at >= end;
        if (covers(timeline, parsed.sale)) seen.add('covering');
        if (status === 'pending') {
          seen.add(
            timeline.acceptedAt === null ? 'pending, never accepted' : 'pending, accepted later',
          );
        }
        if (timeline.acceptedAt !== null && timeline.endedAt === parsed.sale.at) {
          seen.add('at the instant an accepted contract ended');
        }
        seen.add(
          expired && status !== 'expired' ? `${status} after its terms expired` : String(status),
        );
      }
    }
    expect(
      missing(seen, [
        'null',
        'pending',
        'expired',
        'declined',
        'withdrawn',
        'cancelled',
        'cancelled after its terms expired',
        'at the instant an accepted contract ended',
        'pending, never accepted',
        'pending, accepted later',
      ]),
    ).toEqual([]);
    expect(present(seen, ['active', 'covering'])).toEqual([]);
  });
});

describe('the other arbitraries (fixed seed)', () => {
  it('validPolicyJson draws each preset and, with policy set, only that choice', () => {
    const forms = (arbitrary: fc.Arbitrary<PolicyJson>) =>
      new Set(
        sample(arbitrary, 500).map((p) => (typeof p === 'string' ? p : (p.extends ?? 'full'))),
      );
    expect([...forms(validPolicyJson())].sort()).toEqual(['full', 'gumroad', 'hotmart', 'kiwify']);
    for (const name of ['hotmart', 'kiwify', 'gumroad'] as const) {
      expect([...forms(validPolicyJson({ policy: name }))]).toEqual([name]);
    }
    expect([...forms(validPolicyJson({ policy: 'custom' }))].sort()).toEqual([
      'full',
      'gumroad',
      'hotmart',
      'kiwify',
    ]);
  });

  it("validPolicyJson's 'custom' draws presets with overrides and policies in full, not presets as they are", () => {
    const full = (choice: 'any' | 'custom') =>
      sample(validPolicyJson({ policy: choice }), 1000).filter(
        (p) => typeof p === 'object' && typeof p.extends !== 'string',
      ).length;
    // 'any' draws a preset as it is three times in five; 'custom' never does, so that about
    // half of its draws are policies in full (the other half are presets with overrides).
    expect(full('custom')).toBeGreaterThan(400);
    expect(full('any')).toBeLessThan(300);
  });

  it('contractHistoryJson follows the preset it is given, Hotmart by default', () => {
    // An unknown name (from JavaScript) falls back to the default, as an absent one.
    const drawn = sample(contractHistoryJson(), 50);
    expect(sample(contractHistoryJson({ policy: 'custom' as never }), 50)).toEqual(drawn);
    expect(sample(contractHistoryJson({ policy: 'hotmart' }), 50)).toEqual(drawn);
    expect(sample(contractHistoryJson({ policy: 'kiwify' }), 50)).not.toEqual(drawn);
    const typesUnder = (policy: 'hotmart' | 'kiwify' | 'gumroad') =>
      new Set<string>(
        sample(contractHistoryJson({ policy }), 1000).flatMap((c) => c.events.map((e) => e.type)),
      );
    // Gumroad: amendments apply at once and either party cancels alone.
    const gumroad = typesUnder('gumroad');
    expect(['amended', 'cancelled'].every((t) => gumroad.has(t))).toBe(true);
    expect(['amendment-proposed', 'cancellation-requested'].some((t) => gumroad.has(t))).toBe(
      false,
    );
    for (const policy of ['hotmart', 'kiwify'] as const) {
      const types = typesUnder(policy);
      expect(['amendment-proposed', 'cancellation-requested'].every((t) => types.has(t))).toBe(
        true,
      );
      expect(['amended', 'cancelled'].some((t) => types.has(t))).toBe(false);
    }
    // Kiwify's percents are whole; Hotmart's have up to two places.
    const places = (policy: 'hotmart' | 'kiwify') =>
      Math.max(
        ...sample(contractHistoryJson({ policy }), 500).flatMap((c) =>
          c.events.flatMap((e) =>
            e.terms?.percent === undefined ? [] : [placesOf(String(e.terms.percent))],
          ),
        ),
      );
    expect(places('kiwify')).toBe(0);
    expect(places('hotmart')).toBe(2);
    // Percents reach Hotmart's highest (70), not only its lowest steps.
    const highest = Math.max(
      ...sample(contractHistoryJson(), 500).flatMap((c) =>
        c.events.flatMap((e) => (e.terms?.percent === undefined ? [] : [Number(e.terms.percent)])),
      ),
    );
    expect(highest).toBeGreaterThan(60);
    // The default is Hotmart, with the default parties.
    // Invitations fall at midnight UTC on days from 2000 to 2089.
    const invited = sample(contractHistoryJson(), 1000).map((c) => epoch(c.events[0]?.at ?? ''));
    expect(invited.every((t) => t % 86_400_000 === 0)).toBe(true);
    const years = invited.map((t) => new Date(t).getUTCFullYear());
    expect([Math.min(...years), Math.max(...years)]).toEqual([2000, 2089]);
    const [first] = sample(contractHistoryJson(), 1);
    expect([first?.id, first?.productId, first?.cocreator.trim().toLowerCase()]).toEqual([
      'c1',
      'p1',
      'bia@example.com',
    ]);
  });

  it('saleJson draws sales of the product it is given, in every currency, with and without affiliates', () => {
    const sales = sample(saleJson({ productId: 'p7' }), 1000);
    expect(new Set(sales.map((s) => s.productId))).toEqual(new Set(['p7']));
    expect(new Set(sample(saleJson(), 20).map((s) => s.productId))).toEqual(new Set(['p1']));
    expect(new Set(sales.map((s) => s.price.currency)).size).toBe(7);
    // Sold at midnight UTC on days from 2000 to 2089.
    const at = sales.map((s) => epoch(s.at));
    expect(at.every((t) => t % 86_400_000 === 0)).toBe(true);
    const years = at.map((t) => new Date(t).getUTCFullYear());
    expect([Math.min(...years), Math.max(...years)]).toEqual([2000, 2089]);
    const affiliates = sales.flatMap((s) => (s.affiliate ? [s.affiliate] : []));
    expect(affiliates.length).toBeGreaterThan(200);
    // No product commission: an affiliate always carries its own percent.
    expect(affiliates.every((a) => a.percent !== undefined && a.percent !== null)).toBe(true);
    // The affiliate and its manager are fresh accounts, distinct from each other.
    const parties = new Set(
      affiliates.flatMap((a) =>
        [a.account, a.managedBy ?? 'none'].map((x) => x.trim().toLowerCase()),
      ),
    );
    expect([...parties].sort()).toEqual([
      'buyer-side2@example.com',
      'buyer-side3@example.com',
      'none',
    ]);
    expect(affiliates.some((a) => typeof a.managedBy === 'string')).toBe(true);
    expect(
      affiliates.every((a) => a.account.trim().toLowerCase() !== a.managedBy?.trim().toLowerCase()),
    ).toBe(true);
  });
});

describe('malformedDocument census (fixed seed)', () => {
  type Step = string | number;
  const valueAt = (root: unknown, path: ReadonlyArray<Step>): unknown =>
    path.reduce<unknown>((node, step) => (node as Record<Step, unknown> | null)?.[step], root);
  const typeOf = (value: unknown) =>
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const family = (path: ReadonlyArray<Step>) =>
    path.map((step) => (typeof step === 'number' ? '#' : step)).join('.');

  it('adds unknown and reserved keys, with values of three kinds, to objects at every depth', () => {
    const seen = new Set<string>();
    const parents = new Set<string>();
    for (const m of sample(malformedDocument(), 4000)) {
      if (m.corruption !== 'unknown-key' && m.corruption !== 'reserved-key') continue;
      const key = m.path.at(-1);
      seen.add(`${m.corruption} ${String(key)}`);
      const parent = valueAt(m.document, m.path.slice(0, -1));
      const own = Object.getOwnPropertyDescriptor(parent, key as string);
      if (own === undefined || !own.enumerable) seen.add('not an own enumerable key');
      else seen.add(`value ${typeOf(own.value)}`);
      if (own !== undefined && own.value === null) seen.add('null value');
      parents.add(family(m.path.slice(0, -1)));
    }
    expect(
      missing(seen, [
        'unknown-key comment',
        'unknown-key x-unknown',
        'unknown-key Price',
        'unknown-key ',
        'reserved-key __proto__',
        'reserved-key constructor',
        'reserved-key prototype',
        'value object',
        'value number',
        'value string',
      ]),
    ).toEqual([]);
    expect(present(seen, ['not an own enumerable key', 'null value'])).toEqual([]);
    expect(
      missing(parents, [
        '',
        'policy',
        'policy.cocreatorPercent',
        'policy.fee',
        'policy.fee.fixed',
        'product',
        'contracts.#',
        'contracts.#.events.#',
        'contracts.#.events.#.terms',
        'sale',
        'sale.price',
        'sale.platformFee',
        'sale.affiliate',
        'refunds.#',
        'refunds.#.amount',
      ]),
    ).toEqual([]);
  });

  it('replaces a field (never the document) by a value of every type that field cannot have', () => {
    const replaced = new Map<string, Set<string>>();
    const add = (kind: string, type: string) =>
      replaced.set(kind, (replaced.get(kind) ?? new Set()).add(type));
    for (const m of sample(malformedDocument(), 4000)) {
      if (m.corruption !== 'wrong-type') continue;
      const last = m.path.at(-1);
      const type = typeOf(valueAt(m.document, m.path));
      if (m.path.length === 0) add('document', type);
      else if (last === 'mayAlsoSellAsAffiliate' || last === 'affiliatesOnCocreatedProducts') {
        add('boolean', type);
      } else if (last === 'contracts' || last === 'events') add('array', type);
      else if (last === 'product' || last === 'sale') add('object', type);
      else if (last === 'id' || last === 'by' || last === 'cocreator') add('string', type);
      else if (typeof last === 'number' && m.path.at(-2) === 'contracts') add('array item', type);
      else if (last === 'terms') {
        const event = valueAt(m.document, m.path.slice(0, -1)) as { type: string };
        if (!TERMS_EVENTS.has(event.type)) add('null', type);
      }
    }
    const sorted = (kind: string) => [...(replaced.get(kind) ?? [])].sort();
    expect(sorted('document')).toEqual([]);
    expect(sorted('boolean')).toEqual(['array', 'number', 'string']);
    expect(sorted('null')).toEqual(['boolean']);
    expect(sorted('array')).toEqual(['boolean', 'object', 'string']);
    expect(sorted('object')).toEqual(['array', 'boolean', 'number']);
    expect(sorted('array item')).toEqual(['array', 'boolean', 'number']);
    expect(sorted('string')).toEqual(['array', 'boolean', 'object']);
  });

  it('removes a key that was there, and names each corruption by what it did', () => {
    const seen = new Set<string>();
    const unknown = ['comment', 'x-unknown', 'Price', ''];
    const reserved = ['__proto__', 'constructor', 'prototype'];
    for (const m of sample(malformedDocument(), 2000)) {
      const key = m.path.at(-1);
      const parent = valueAt(m.document, m.path.slice(0, -1));
      const named = unknown.includes(String(key)) || reserved.includes(String(key));
      seen.add(m.corruption);
      if (m.corruption === 'missing' && Object.hasOwn(parent as object, key as string)) {
        seen.add('missing key still there');
      }
      if (m.corruption === 'missing') {
        const policy = (m.document as { policy?: unknown }).policy;
        if (m.path[0] === 'policy' && (policy as { extends?: unknown }).extends === null) {
          seen.add('removed from a policy with extends: null');
        }
        const event = parent as { type?: unknown };
        if (m.path.length === 5 && !TERMS_EVENTS.has(String(event.type)) && key !== 'type') {
          seen.add('removed from an event without terms');
        }
      }
      if (m.corruption === 'wrong-type' && named) seen.add('wrong-type on an added key');
      if (m.corruption === 'unknown-key' && !unknown.includes(String(key))) seen.add('bad unknown');
      if (m.corruption === 'reserved-key' && !reserved.includes(String(key)))
        seen.add('bad reserved');
    }
    expect(
      missing(seen, [
        'missing',
        'wrong-type',
        'unknown-key',
        'reserved-key',
        'removed from a policy with extends: null',
        'removed from an event without terms',
      ]),
    ).toEqual([]);
    expect(
      present(seen, [
        'missing key still there',
        'wrong-type on an added key',
        'bad unknown',
        'bad reserved',
      ]),
    ).toEqual([]);
  });
});
