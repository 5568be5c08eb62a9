/**
 * What a public function answers when reading its input threw: a getter that throws, a Proxy
 * whose traps throw (a revoked one among them), anywhere in a value a JavaScript caller built.
 * JSON never holds such a value; the library's own code never throws on any other. Each public
 * function that reads input catches once, at its top (the settler once per sale), and answers
 * this error instead of throwing (docs/decisions.md, "Never throwing"). Not part of the
 * package API.
 *
 * @internal
 */
import { type Err, err } from 'neverthrow';
import { type DomainErrors, domainError, type Path } from '../errors';

/**
 * How every "could not be read" message begins: the fuzz suite looks for it in answers to
 * inputs that cannot throw, where it would be a bug of the library caught as the caller's.
 */
export const UNREADABLE = 'the value could not be read: reading it threw';

/** The most characters of the thrown error's own text a message repeats. */
export const MAX_CAUSE_LENGTH = 200;

/**
 * `invalid_field` at `path` (the argument's path; `[]` when `path` itself cannot be read),
 * saying that reading the value threw and, when the thing thrown is an `Error` whose name
 * and message are strings, what it said (at most {@link MAX_CAUSE_LENGTH} characters). Never
 * throws, whatever was thrown.
 */
export function unreadable(cause: unknown, path: unknown = []): DomainErrors {
  const said = causeText(cause);
  const message = said === '' ? UNREADABLE : `${UNREADABLE} (${said})`;
  return Object.freeze([
    domainError('invalid_field', message, pathArgument(path) ?? []),
  ]) as unknown as DomainErrors;
}

/** {@link unreadable} as a refused Result. */
export function unreadableErr(cause: unknown, path: unknown = []): Err<never, DomainErrors> {
  return err(unreadable(cause, path));
}

/** `Name: message` of a thrown `Error`, bounded; `''` for anything else, or when reading it throws. */
function causeText(cause: unknown): string {
  try {
    if (cause instanceof Error) {
      const { name, message } = cause;
      if (typeof name === 'string' && typeof message === 'string') {
        return bounded(message === '' ? name : `${name}: ${message}`);
      }
    }
  } catch {
    // The thrown value is hostile too (a Proxy, a throwing getter): it is not quoted.
  }
  return '';
}

/** At most {@link MAX_CAUSE_LENGTH} characters, cut before a surrogate pair rather than in it. */
function bounded(text: string): string {
  if (text.length <= MAX_CAUSE_LENGTH) return text;
  const end = isHighSurrogate(text.charCodeAt(MAX_CAUSE_LENGTH - 1))
    ? MAX_CAUSE_LENGTH - 1
    : MAX_CAUSE_LENGTH;
  return `${text.slice(0, end)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * A `path` argument as a list of keys (strings) and indexes (integers ≥ 0), copied once so
 * that nothing of the caller's is read again; `undefined` when it is not one (or reading it
 * throws). Checked before anything else by every public function that takes a `path`: a bad
 * prefix is the caller's mistake, answered by {@link notAPath}, never as a value that could
 * not be read.
 */
export function pathArgument(path: unknown): Path | undefined {
  try {
    if (!Array.isArray(path)) return undefined;
    const steps: Array<string | number> = [];
    for (let i = 0; i < path.length; i++) {
      const step: unknown = path[i];
      if (!isPathStep(step)) return undefined;
      steps.push(step as string | number);
    }
    return steps;
  } catch {
    return undefined;
  }
}

/** What a function answers for a `path` argument that {@link pathArgument} refuses. */
export function notAPath(): Err<never, DomainErrors> {
  return err(
    Object.freeze([
      domainError('invalid_field', 'expected a path: a list of keys and indexes', []),
    ]) as unknown as DomainErrors,
  );
}

function isPathStep(step: unknown): boolean {
  return typeof step === 'string' || (Number.isInteger(step) && (step as number) >= 0);
}
