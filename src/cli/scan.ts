/**
 * The fast road's scanner: a line's top-level members as texts, without parsing them. A line
 * that starts like the last one scanned resumes after the head they share.
 */

/** The spans of a document's top-level members, as text. */
export interface Members {
  policy: string | undefined;
  product: string | undefined;
  contracts: string | undefined;
  sale: string | undefined;
  refunds: string | undefined;
}

function skipSpace(s: string, i: number): number {
  let at = i;
  for (;;) {
    const c = s.charCodeAt(at);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at++;
    else return at;
  }
}

/** The end of a string whose opening quote is at `i`, or -1. */
function stringEnd(s: string, i: number): number {
  for (let at = i + 1; at < s.length; at++) {
    const c = s.charCodeAt(at);
    if (c === 0x22) return at + 1;
    if (c === 0x5c) at++;
  }
  return -1;
}

/**
 * The end of the JSON value that starts at `i`, or -1: strings and brackets are matched,
 * anything else runs to the next delimiter. Only a guess at the value's extent: the text is
 * JSON only if `JSON.parse` of it succeeds (or it equals a text that did).
 */
function valueEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x22) return stringEnd(s, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let at = i; at < s.length; at++) {
      const d = s.charCodeAt(at);
      if (d === 0x22) {
        at = stringEnd(s, at) - 1;
        if (at < 0) return -1;
      } else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return at + 1;
      }
    }
    return -1;
  }
  let at = i;
  for (; at < s.length; at++) {
    const d = s.charCodeAt(at);
    if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x09 || d === 0x0d) break;
  }
  return at > i ? at : -1;
}

/**
 * The start of a line scanned before, up to the comma after its product and contracts (and
 * its policy, when it came first), and the members read in it: a line that starts with the
 * same text has the same members there, as the scan reads left to right and never beyond.
 */
let lastHead: { readonly text: string; readonly members: Members } | null = null;

/**
 * Splits `{"k": v, ...}` into the texts of its members when its keys are among the
 * document's, none twice and none escaped; `null` otherwise. The text is JSON exactly when
 * every member's text is (the rest was checked here), and `JSON.parse` of it then has these
 * members and no other.
 */
export function scanMembers(s: string): Members | null {
  const head = lastHead;
  let members: Members;
  let i: number;
  let resumed = false;
  // A slice compared with `===` is a memory comparison; `startsWith` is several times slower.
  if (head !== null && s.slice(0, head.text.length) === head.text) {
    members = { ...head.members };
    i = skipSpace(s, head.text.length);
    resumed = true;
  } else {
    members = {
      policy: undefined,
      product: undefined,
      contracts: undefined,
      sale: undefined,
      refunds: undefined,
    };
    i = skipSpace(s, 0);
    if (s.charCodeAt(i) !== 0x7b) return null;
    i = skipSpace(s, i + 1);
  }
  for (;;) {
    if (s.charCodeAt(i) !== 0x22) return null;
    const keyEnd = s.indexOf('"', i + 1);
    if (keyEnd === -1) return null;
    const key = s.slice(i + 1, keyEnd);
    if (
      key !== 'policy' &&
      key !== 'product' &&
      key !== 'contracts' &&
      key !== 'sale' &&
      key !== 'refunds'
    ) {
      return null;
    }
    if (members[key] !== undefined) return null;
    i = skipSpace(s, keyEnd + 1);
    if (s.charCodeAt(i) !== 0x3a) return null;
    i = skipSpace(s, i + 1);
    const end = valueEnd(s, i);
    if (end === -1) return null;
    members[key] = s.slice(i, end);
    i = skipSpace(s, end);
    const c = s.charCodeAt(i);
    if (c === 0x2c) {
      const domainRead = members.product !== undefined && members.contracts !== undefined;
      if (!resumed && domainRead && members.sale === undefined && members.refunds === undefined) {
        lastHead = { text: s.slice(0, i + 1), members: { ...members } };
        resumed = true;
      }
      i = skipSpace(s, i + 1);
    } else if (c === 0x7d) return skipSpace(s, i + 1) === s.length ? members : null;
    else return null;
  }
}
