/**
 * A contract's history, drawn by the state machine of specification §3's table: from each
 * state only the events the table allows, by the party it names, at non-decreasing instants
 * before the terms in force expire, every percent within the contract's budget. Internal.
 */
import type { AppliesTo } from '../../model/commission';
import type { ContractEventJson, TermsJson } from '../../wire/json';
import type { Tape } from '../tape';
import type { ContractContext, ContractModel, TermsModel } from './contract';
import { gridOf, highestPercent, lowestPercent } from './policy';
import { spellAccount, spellInstant, spellPercent } from './spelling';
import { gap, positiveGap } from './time';
import { minBig } from './units';

/** `all-sales` twice: most contracts in the wild pay on every sale. */
const APPLIES_TO: readonly [AppliesTo, ...AppliesTo[]] = [
  'all-sales',
  'all-sales',
  'direct-sales',
  'affiliate-sales',
  'managed-affiliate-sales',
];

/** The percents a contract may reserve: from `lo` to `hi` in steps of `grid`. */
interface PercentRange {
  readonly lo: bigint;
  readonly hi: bigint;
  readonly grid: bigint;
}

/** Changed terms: the model's fields, and the same written as an event's `terms`. */
interface Patch {
  readonly terms: Partial<TermsModel>;
  readonly json: TermsJson;
}

/** A history being drawn: its events so far, and the state the next event is drawn from. */
interface History {
  readonly tape: Tape;
  readonly ctx: ContractContext;
  readonly range: PercentRange;
  readonly events: ContractEventJson[];
  readonly instants: number[];
  readonly periods: { from: number; terms: TermsModel }[];
  /** The instant of the event being drawn. */
  t: number;
  status: 'pending' | 'active' | 'ended';
  current: TermsModel;
  /** An amendment proposed and not answered yet. */
  pending: Patch | null;
  /** Who asked for a cancellation not answered yet. */
  requester: string | null;
  acceptedAt: number | null;
  endedAt: number | null;
}

/** One event the state allows, drawn and applied when called. */
type Step = () => void;

/** A valid history for one contract (specification §3), by the state machine of its table. */
export function genContract(tape: Tape, ctx: ContractContext): ContractModel {
  const h = invite(tape, ctx);
  const steps = tape.int(1, 7);
  for (let step = 0; step < steps && h.status !== 'ended'; step += 1) {
    const next = h.t + gap(tape);
    if (h.current.endsAt !== null && next >= h.current.endsAt) break;
    h.t = next;
    // Every state offers at least two events.
    const [first, ...rest] = nextEvents(h);
    tape.pick([first as Step, ...rest])();
  }
  return {
    json: {
      id: ctx.id,
      productId: ctx.productId,
      cocreator: spellAccount(tape, ctx.cocreator),
      events: h.events,
    },
    cocreator: ctx.cocreator,
    acceptedAt: h.acceptedAt,
    endedAt: h.endedAt ?? h.current.endsAt,
    periods: h.periods,
    instants: h.instants,
    lastAt: h.t,
  };
}

/** The history's first event: the main creator invites the cocreator at `ctx.start`. */
function invite(tape: Tape, ctx: ContractContext): History {
  const grid = gridOf(ctx.policy);
  const lo = lowestPercent(ctx.policy);
  const hi = (minBig(ctx.budget, highestPercent(ctx.policy)) / grid) * grid;
  const range: PercentRange = { lo, hi, grid };
  const t = ctx.start;
  const invitation: TermsModel = {
    percent: drawPercent(tape, range),
    appliesTo: tape.pick(APPLIES_TO),
    endsAt: tape.below(3) === 2 ? t + positiveGap(tape) : null,
    mayAlso: tape.oneIn(3),
  };
  const h: History = {
    tape,
    ctx,
    range,
    events: [],
    instants: [],
    periods: [{ from: t, terms: invitation }],
    t,
    status: 'pending',
    current: invitation,
    pending: null,
    requester: null,
    acceptedAt: null,
    endedAt: null,
  };
  record(h, 'invited', ctx.mainCreator, {
    percent: percentJson(h, invitation.percent),
    ...(invitation.appliesTo !== 'all-sales' || tape.oneIn(3)
      ? { appliesTo: invitation.appliesTo }
      : {}),
    ...(invitation.endsAt !== null || tape.oneIn(3)
      ? { endsAt: endJson(h, invitation.endsAt) }
      : {}),
    ...(invitation.mayAlso || tape.oneIn(3) ? { mayAlsoSellAsAffiliate: invitation.mayAlso } : {}),
  });
  if (invitation.endsAt !== null) h.instants.push(invitation.endsAt);
  return h;
}

/** The events the table allows from the history's state (specification §3). */
function nextEvents(h: History): Step[] {
  if (h.status === 'pending') return answersToInvitation(h);
  if (h.pending !== null) return answersToAmendment(h, h.pending);
  if (h.requester !== null) return answersToCancellation(h, h.requester);
  return changes(h);
}

/** Invited: the cocreator accepts or declines, or the main creator withdraws. */
function answersToInvitation(h: History): Step[] {
  const { mainCreator: main, cocreator } = h.ctx;
  const accept = () => {
    // Stryker disable next-line StringLiteral: only 'pending' and 'ended' are ever compared (contributing/mutation.md)
    h.status = 'active';
    h.acceptedAt = h.t;
    record(h, 'accepted', cocreator);
  };
  // Acceptance three times out of five: contracts that cover sales are the interesting ones.
  return [
    accept,
    accept,
    accept,
    () => {
      record(h, 'declined', cocreator);
      end(h);
    },
    () => {
      record(h, 'withdrawn', main);
      end(h);
    },
  ];
}

/** An amendment proposed: the cocreator approves (before it expires) or declines, or it is withdrawn. */
function answersToAmendment(h: History, patch: Patch): Step[] {
  const { mainCreator: main, cocreator } = h.ctx;
  const options: Step[] = [];
  const endsAt = patch.terms.endsAt;
  if (endsAt === undefined || endsAt === null || h.t < endsAt) {
    options.push(() => {
      record(h, 'amendment-approved', cocreator);
      apply(h, patch.terms);
      h.pending = null;
    });
  }
  options.push(
    () => {
      record(h, 'amendment-declined', cocreator);
      h.pending = null;
    },
    () => {
      record(h, 'amendment-withdrawn', main);
      h.pending = null;
    },
  );
  return options;
}

/** A cancellation requested by `who`: the other party approves or rejects, or `who` withdraws. */
function answersToCancellation(h: History, who: string): Step[] {
  const other = who === h.ctx.mainCreator ? h.ctx.cocreator : h.ctx.mainCreator;
  return [
    () => {
      record(h, 'cancellation-approved', other);
      end(h);
    },
    () => {
      record(h, 'cancellation-rejected', other);
      h.requester = null;
    },
    () => {
      record(h, 'cancellation-withdrawn', who);
      h.requester = null;
    },
  ];
}

/** Active with nothing open: amend (as the policy's amendments say) or cancel (as its cancellation says). */
function changes(h: History): Step[] {
  const { tape, ctx } = h;
  const { mainCreator: main, cocreator } = ctx;
  const change: Step =
    ctx.policy.amendments === 'cocreator-approval'
      ? () => {
          const patch = drawPatch(h);
          h.pending = patch;
          record(h, 'amendment-proposed', main, patch.json);
        }
      : () => {
          const patch = drawPatch(h);
          record(h, 'amended', main, patch.json);
          apply(h, patch.terms);
        };
  const cancel: Step =
    ctx.policy.cancellation === 'mutual'
      ? () => {
          const requester = tape.pick([main, cocreator]);
          h.requester = requester;
          record(h, 'cancellation-requested', requester);
        }
      : () => {
          record(h, 'cancelled', tape.pick([main, cocreator]));
          end(h);
        };
  return [change, change, cancel];
}

/** Appends an event at the history's instant; `terms` absent is sometimes written `null`. */
function record(h: History, type: ContractEventJson['type'], by: string, terms?: TermsJson): void {
  h.events.push({
    type,
    at: spellInstant(h.tape, h.t),
    by: spellAccount(h.tape, by),
    ...(terms !== undefined ? { terms } : h.tape.oneIn(8) ? { terms: null } : {}),
  });
  h.instants.push(h.t);
}

/** New terms in force from the history's instant. */
function apply(h: History, patch: Partial<TermsModel>): void {
  h.current = { ...h.current, ...patch };
  h.periods.push({ from: h.t, terms: h.current });
  if (patch.endsAt !== undefined && patch.endsAt !== null) h.instants.push(patch.endsAt);
}

function end(h: History): void {
  h.status = 'ended';
  h.endedAt = h.t;
}

function drawPercent(tape: Tape, range: PercentRange): bigint {
  return range.lo + range.grid * tape.bigint(0n, (range.hi - range.lo) / range.grid);
}

function percentJson(h: History, percent: bigint) {
  return spellPercent(h.tape, percent, h.ctx.policy.decimals);
}

function endJson(h: History, endsAt: number | null): string | null {
  return endsAt === null ? null : spellInstant(h.tape, endsAt);
}

/** One to four of the terms changed, from the history's instant. */
function drawPatch(h: History): Patch {
  const { tape } = h;
  const mask = tape.int(1, 15);
  const terms: { -readonly [K in keyof TermsModel]?: TermsModel[K] } = {};
  const json: { -readonly [K in keyof TermsJson]?: TermsJson[K] } = {};
  if (mask & 1) {
    terms.percent = drawPercent(tape, h.range);
    json.percent = percentJson(h, terms.percent);
  }
  if (mask & 2) {
    terms.appliesTo = tape.pick(APPLIES_TO);
    json.appliesTo = terms.appliesTo;
  }
  if (mask & 4) {
    terms.endsAt = tape.oneIn(2) ? h.t + positiveGap(tape) : null;
    json.endsAt = endJson(h, terms.endsAt);
  }
  if (mask & 8) {
    terms.mayAlso = tape.oneIn(2);
    json.mayAlsoSellAsAffiliate = terms.mayAlso;
  }
  return { terms, json };
}
