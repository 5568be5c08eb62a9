/**
 * Policies drawn by the generators: the effective rules as a model (specification §2's table,
 * copied by hand), presets, presets with fields re-drawn and policies written from scratch, and
 * each written in one of its wire shapes. Internal to the testing kit.
 */
import type { PolicyName } from '../../model/policy';
import type { DecimalJson, FeeScheduleJson, PolicyJson, PolicyObjectJson } from '../../wire/json';
import type { Tape } from '../tape';
import { spellAmount, spellPercent } from './spelling';
import { CURRENCIES, HUNDRED, minBig, ONE_PERCENT, SCALE } from './units';

/** The effective rules of a policy, as the generator needs them. */
export interface PolicyModel {
  readonly name: PolicyName | null;
  readonly minRetained: bigint;
  readonly cocMin: bigint;
  readonly cocMax: bigint;
  readonly decimals: number;
  readonly maxCocreators: number | null;
  readonly affiliatesOnCocreated: boolean;
  readonly cancellation: 'mutual' | 'unilateral';
  readonly amendments: 'cocreator-approval' | 'immediate';
  /** Percent in millionths; fixed fees in minor units by currency code. */
  readonly fee: { readonly percent: bigint; readonly fixed: ReadonlyMap<string, bigint> } | null;
}

/** specification §2's table, copied by hand (not imported: the kit checks the library). */
const PRESETS: Readonly<Record<PolicyName, PolicyModel>> = {
  hotmart: {
    name: 'hotmart',
    minRetained: 30n * ONE_PERCENT,
    cocMin: ONE_PERCENT / 100n,
    cocMax: 70n * ONE_PERCENT,
    decimals: 2,
    maxCocreators: null,
    affiliatesOnCocreated: true,
    cancellation: 'mutual',
    amendments: 'cocreator-approval',
    fee: null,
  },
  kiwify: {
    name: 'kiwify',
    minRetained: 20n * ONE_PERCENT,
    cocMin: ONE_PERCENT,
    cocMax: 80n * ONE_PERCENT,
    decimals: 0,
    maxCocreators: null,
    affiliatesOnCocreated: true,
    cancellation: 'mutual',
    amendments: 'cocreator-approval',
    fee: null,
  },
  gumroad: {
    name: 'gumroad',
    minRetained: 50n * ONE_PERCENT,
    cocMin: ONE_PERCENT,
    cocMax: 50n * ONE_PERCENT,
    decimals: 2,
    maxCocreators: 1,
    affiliatesOnCocreated: false,
    cancellation: 'unilateral',
    amendments: 'immediate',
    fee: null,
  },
};

const PRESET_NAMES: readonly [PolicyName, ...PolicyName[]] = ['hotmart', 'kiwify', 'gumroad'];

/** Which policies to draw. */
export type PolicyChoice = PolicyName | 'custom' | 'any';

export function gridOf(p: PolicyModel): bigint {
  return 10n ** BigInt(SCALE - p.decimals);
}

export function capOf(p: PolicyModel): bigint {
  return HUNDRED - p.minRetained;
}

/** The smallest contract percent the policy allows (a multiple of its grid). */
export function lowestPercent(p: PolicyModel): bigint {
  const grid = gridOf(p);
  return ((p.cocMin + grid - 1n) / grid) * grid;
}

export function highestPercent(p: PolicyModel): bigint {
  const grid = gridOf(p);
  return (minBig(p.cocMax, capOf(p)) / grid) * grid;
}

/**
 * Whether a preset with fields taken from a drawn policy is still valid. Each source keeps
 * `0 <= minRetained < 100` and `cocMin > 0`; what a mix can break is the order of the bounds,
 * the cap and the grid.
 */
function isUsable(p: PolicyModel): boolean {
  // lowestPercent <= highestPercent also orders the bounds: cocMin <= lowest, highest <= cocMax.
  return p.cocMax <= capOf(p) && lowestPercent(p) <= highestPercent(p);
}

function genFee(tape: Tape): PolicyModel['fee'] {
  const fixed = new Map<string, bigint>();
  for (const [code, exponent] of CURRENCIES) {
    if (tape.oneIn(3)) fixed.set(code, tape.bigint(0n, 5n * 10n ** BigInt(exponent)));
  }
  return { percent: BigInt(tape.int(0, 3000)) * 10_000n, fixed };
}

/** A policy written from scratch that satisfies every invariant of specification §2. */
function genCustomPolicy(tape: Tape): PolicyModel {
  const decimals = tape.int(0, 6);
  const grid = 10n ** BigInt(SCALE - decimals);
  let minRetained: bigint;
  switch (tape.below(3)) {
    case 1:
      minRetained = BigInt(tape.int(0, 9899)) * 10_000n;
      break;
    case 2:
      minRetained = tape.pick([0n, 20n, 30n, 50n, 90n]) * ONE_PERCENT;
      break;
    default:
      minRetained = BigInt(tape.int(0, 90)) * ONE_PERCENT;
  }
  const steps = (HUNDRED - minRetained) / grid;
  const cocMax =
    grid * (tape.oneIn(2) ? BigInt(tape.int(1, Number(minBig(steps, 1_000_000n)))) : steps);
  const cocMin = grid * (tape.oneIn(2) ? tape.bigint(1n, cocMax / grid) : 1n);
  return {
    name: null,
    minRetained,
    cocMin,
    cocMax,
    decimals,
    maxCocreators: tape.below(3) === 0 ? null : tape.int(1, 4),
    affiliatesOnCocreated: !tape.oneIn(3),
    cancellation: tape.pick(['mutual', 'unilateral']),
    amendments: tape.pick(['cocreator-approval', 'immediate']),
    fee: tape.oneIn(2) ? genFee(tape) : null,
  };
}

/** A preset with some fields re-drawn, when the result is still a valid policy. */
function genTweakedPreset(tape: Tape): PolicyModel {
  const base = PRESETS[tape.pick(PRESET_NAMES)];
  const other = genCustomPolicy(tape);
  const take = <K extends keyof PolicyModel>(key: K): PolicyModel[K] =>
    tape.oneIn(2) ? other[key] : base[key];
  const tweaked: PolicyModel = {
    name: base.name,
    minRetained: take('minRetained'),
    cocMin: take('cocMin'),
    cocMax: take('cocMax'),
    decimals: take('decimals'),
    maxCocreators: take('maxCocreators'),
    affiliatesOnCocreated: take('affiliatesOnCocreated'),
    cancellation: take('cancellation'),
    amendments: take('amendments'),
    fee: take('fee'),
  };
  return isUsable(tweaked) ? tweaked : base;
}

/** The effective rules of a drawn policy. */
export function genPolicyModel(tape: Tape, choice: PolicyChoice): PolicyModel {
  if (choice === 'hotmart' || choice === 'kiwify' || choice === 'gumroad') return PRESETS[choice];
  const kind = choice === 'custom' ? tape.int(3, 4) : tape.below(5);
  switch (kind) {
    case 1:
      return PRESETS.kiwify;
    case 2:
      return PRESETS.gumroad;
    case 3:
      return genTweakedPreset(tape);
    case 4:
      return genCustomPolicy(tape);
    default:
      return PRESETS.hotmart;
  }
}

function feeJson(tape: Tape, fee: NonNullable<PolicyModel['fee']>): FeeScheduleJson {
  const fixed: Record<string, DecimalJson> = {};
  for (const [code, exponent] of CURRENCIES) {
    const minor = fee.fixed.get(code);
    if (minor !== undefined) fixed[code] = spellAmount(tape, minor, exponent);
  }
  return {
    ...(fee.percent === 0n && tape.oneIn(2) ? {} : { percent: spellPercent(tape, fee.percent, 6) }),
    ...(fee.fixed.size === 0 && tape.oneIn(2) ? {} : { fixed }),
  };
}

/** A policy model written as the wire shape: a preset name, `extends` plus overrides, or in full. */
export function policyJson(tape: Tape, p: PolicyModel): PolicyJson {
  // Stryker disable next-line ConditionalExpression: PRESETS has no entry for null, and undefined reads as null below (contributing/mutation.md)
  const base = p.name === null ? null : PRESETS[p.name];
  const restate = () => tape.oneIn(4);
  const write = <T>(key: string, differs: boolean, value: () => T): Record<string, T> =>
    differs || restate() ? { [key]: value() } : {};
  // Without a preset every field differs from it (`undefined`), so each is written.
  const minDiffers = base?.cocMin !== p.cocMin;
  const maxDiffers = base?.cocMax !== p.cocMax;
  const bounds = {
    ...(minDiffers || restate() ? { min: spellPercent(tape, p.cocMin, 6) } : {}),
    ...(maxDiffers || restate() ? { max: spellPercent(tape, p.cocMax, 6) } : {}),
  };
  const object: PolicyObjectJson = {
    ...(p.name !== null ? { extends: p.name } : tape.oneIn(4) ? { extends: null } : {}),
    ...write('minRetainedPercent', base?.minRetained !== p.minRetained, () =>
      spellPercent(tape, p.minRetained, 6),
    ),
    ...(Object.keys(bounds).length > 0 ? { cocreatorPercent: bounds } : {}),
    ...write('percentDecimals', base?.decimals !== p.decimals, () => p.decimals),
    ...write('maxCocreators', base?.maxCocreators !== p.maxCocreators, () => p.maxCocreators),
    ...write(
      'affiliatesOnCocreatedProducts',
      base?.affiliatesOnCocreated !== p.affiliatesOnCocreated,
      () => p.affiliatesOnCocreated,
    ),
    ...write('cancellation', base?.cancellation !== p.cancellation, () => p.cancellation),
    ...write('amendments', base?.amendments !== p.amendments, () => p.amendments),
    // No preset has a fee: a policy with one always writes it.
    ...(p.fee === null ? {} : { fee: feeJson(tape, p.fee) }),
  };
  // Only `extends` written: the preset as it is (a policy in full writes every field).
  const isPreset = Object.keys(object).length === 1;
  return isPreset && tape.below(3) !== 1 ? (p.name as PolicyName) : object;
}

export { PRESETS as PRESET_MODELS };
