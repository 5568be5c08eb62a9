/**
 * Decimals, instants and accounts, each written in one of its valid spellings (specification
 * §8): the generators vary how a value is written so that every reader of it is exercised.
 * Internal to the testing kit.
 */

import { formatDecimal } from '../../values/decimal';
import type { DecimalJson, MoneyJson } from '../../wire/json';
import type { Tape } from '../tape';
import { SCALE } from './units';

const MAX_OFFSET_MINUTES = 23 * 60 + 59;

/**
 * `units / 10^scale` (never negative: the generators draw no negative amount or percent)
 * with exactly `places` decimals (`places` at least the needed ones).
 */
function decimal(units: bigint, scale: number, places: number): string {
  return formatDecimal(units, scale, places);
}

/** `units / 10^scale` in shortest form. */
function shortest(units: bigint, scale: number): string {
  return formatDecimal(units, scale, 0);
}

function placesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** A JSON number when `String(n)` prints the text back exactly (no exponent, no lost digit). */
function asNumberIfExact(text: string): DecimalJson {
  const n = Number(text);
  // Stryker disable next-line ConditionalExpression: every text drawn (at most 10^15 minor units, or a percent of at most 9 digits) prints back exactly from a double; the check keeps the helper right for longer ones (contributing/mutation.md)
  return String(n) === text ? n : text;
}

/** A percent (millionths) in a valid spelling with at most `maxPlaces` places. */
export function spellPercent(tape: Tape, units: bigint, maxPlaces: number): DecimalJson {
  const text = shortest(units, SCALE);
  const places = placesOf(text);
  switch (tape.below(4)) {
    case 1:
      return maxPlaces > places ? decimal(units, SCALE, tape.int(places + 1, maxPlaces)) : text;
    case 2:
      return asNumberIfExact(text);
    default:
      return text;
  }
}

/** An amount (minor units) in a valid spelling: all decimals, fewer, or a JSON number. */
export function spellAmount(tape: Tape, minor: bigint, exponent: number): DecimalJson {
  switch (tape.below(4)) {
    case 1:
      return shortest(minor, exponent);
    case 2:
      return asNumberIfExact(shortest(minor, exponent));
    default:
      return decimal(minor, exponent, exponent);
  }
}

export function money(tape: Tape, minor: bigint, code: string, exponent: number): MoneyJson {
  return { amount: spellAmount(tape, minor, exponent), currency: code };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** An instant (epoch ms) in a valid spelling: `Z` or an offset, 0 to 9 fraction digits. */
export function spellInstant(tape: Tape, t: number): string {
  let offset = 0;
  let suffix = 'Z';
  const form = tape.below(4);
  if (form === 1) suffix = '+00:00';
  if (form >= 2) {
    offset = tape.int(-MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES);
    const magnitude = Math.abs(offset);
    suffix = `${offset < 0 ? '-' : '+'}${two(Math.floor(magnitude / 60))}:${two(magnitude % 60)}`;
  }
  const local = new Date(t + offset * 60_000).toISOString();
  const millis = local.slice(20, 23);
  let fraction: string;
  switch (tape.below(3)) {
    case 1:
      fraction = `.${millis}`;
      break;
    case 2:
      fraction = `.${millis}${String(tape.int(0, 999_999)).padStart(tape.int(1, 6), '0')}`;
      break;
    default:
      fraction = millis === '000' ? '' : `.${millis.replace(/0+$/, '')}`;
  }
  return `${local.slice(0, 19)}${fraction}${suffix}`;
}

const NAMES: readonly [string, ...string[]] = [
  'ana',
  'bia',
  'leo',
  'caio',
  'duda',
  'joão',
  'zoë',
  'élodie',
  'max',
  'yuki',
];
const DOMAINS: readonly [string, ...string[]] = ['example.com', 'example.org', 'mail.example.net'];

/** A canonical account id, distinct for distinct `index`. */
export function makeAccount(tape: Tape, index: number): string {
  return `${tape.pick(NAMES)}${index === 0 ? '' : index}@${tape.pick(DOMAINS)}`;
}

function upperAscii(text: string): string {
  return text.replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** An account id as a person might type it: case and surrounding spaces do not matter. */
export function spellAccount(tape: Tape, canonical: string): string {
  switch (tape.below(5)) {
    case 1:
      return upperAscii(canonical);
    case 2:
      return upperAscii(canonical.slice(0, 1)) + canonical.slice(1);
    case 3:
      return `  ${canonical}\t`;
    default:
      return canonical;
  }
}
