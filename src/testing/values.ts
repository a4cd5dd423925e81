// Numbers, variables, durations, field matchers and byte lists as a test file spells them.
import type { BytePattern, FieldMatcher, ValueExpression } from './ast';
import type { Token } from './lexer';
import { problem, spanBetween, spanOf } from './tokenCursor';

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isName(text: string): boolean {
  return namePattern.test(text);
}

/** Names in scope at a point of the file: `let`s, `repeat … as`, `?captures` seen before. */
export type Scope = Set<string>;

function numberText(text: string): number | undefined {
  if (/^[0-9]+$/.test(text)) return Number(text);
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^0b[01]+$/i.test(text)) return Number.parseInt(text.slice(2), 2);
  return undefined;
}

/** A decimal, 0x hex or 0b binary number, or `$name` of a variable in scope. */
export function parseValue(token: Token, scope: Scope, what: string): ValueExpression {
  return valueFromText(token, token.text, scope, what);
}

function valueFromText(token: Token, text: string, scope: Scope, what: string): ValueExpression {
  if (text.startsWith('$')) {
    const name = text.slice(1);
    if (!isName(name)) throw problem(token, `"${text}" is not a variable name`, `$ and a name, e.g. $note`);
    if (!scope.has(name)) {
      const known = [...scope].map((n) => `$${n}`).join(', ') || 'none yet';
      throw problem(token, `unknown variable $${name} (defined: ${known})`, 'a variable defined by let');
    }
    return { kind: 'variable', name, span: spanOf(token) };
  }
  const value = numberText(text);
  if (value === undefined || value > 0xffffffff) {
    throw problem(token, `"${text}" is not a number for ${what}`, `a number (60, 0x3C) or a $variable`);
  }
  return { kind: 'number', value, span: spanOf(token) };
}

/** In an expectation: a value, `any`, `low-high`, or `?name` to capture. */
export function parseMatcher(token: Token, scope: Scope, what: string, max: number): FieldMatcher {
  const text = token.text;
  if (text === 'any' || text === '*') return { kind: 'any' };
  if (text.startsWith('?')) {
    const name = text.slice(1);
    if (!isName(name)) throw problem(token, `"${text}" is not a capture`, '? and a name, e.g. ?muid');
    scope.add(name);
    return { kind: 'capture', name };
  }
  const dash = text.indexOf('-', 1);
  if (dash > 0) {
    const low = valueFromText(token, text.slice(0, dash), scope, what);
    const high = valueFromText(token, text.slice(dash + 1), scope, what);
    checkMax(token, low, max, what);
    checkMax(token, high, max, what);
    if (low.kind === 'number' && high.kind === 'number' && low.value > high.value) {
      throw problem(
        token,
        `the range ${text} is empty: ${low.value} > ${high.value}`,
        'low-high with low ≤ high',
      );
    }
    return { kind: 'range', low, high };
  }
  const value = valueFromText(token, text, scope, what);
  checkMax(token, value, max, what);
  return { kind: 'equals', value };
}

export function checkMax(token: Token, value: ValueExpression, max: number, what: string): void {
  if (value.kind === 'number' && value.value > max) {
    throw problem(token, `${value.value} is too large for ${what} (at most ${max})`, `0 to ${max}`);
  }
}

const durationPattern = /^([0-9]+(?:\.[0-9]+)?)(us|µs|ms|s)$/;
const microsecondsPer: Record<string, number> = { us: 1, µs: 1, ms: 1_000, s: 1_000_000 };

/** `250us`, `5ms`, `1.5s` in microseconds. */
export function parseDuration(token: Token): number {
  const match = durationPattern.exec(token.text);
  if (!match)
    throw problem(token, `"${token.text}" is not a duration`, 'a duration such as 250us, 5ms or 1.5s');
  return Math.round(Number(match[1]) * microsecondsPer[match[2]]);
}

/**
 * Bytes in hex, two digits each (`7E 7F`, `7E7F`, `0x7E`); in an expectation `??` matches any
 * byte and a last `...` lets more follow. At least one token must be given.
 */
export function parseBytes(tokens: readonly Token[], allowWildcards: boolean, max: number): BytePattern {
  const bytes: (number | null)[] = [];
  let openEnded = false;
  tokens.forEach((token, index) => {
    const text = token.text.replace(/^0x/i, '');
    if (text === '...' && allowWildcards) {
      if (index !== tokens.length - 1) throw problem(token, '"..." must come last', 'the end of the line');
      openEnded = true;
      return;
    }
    if (text === '??' && allowWildcards) {
      bytes.push(null);
      return;
    }
    if (!/^([0-9a-f]{2})+$/i.test(text)) {
      const expected = allowWildcards ? 'hex bytes (7E 7F), ?? or a last ...' : 'hex bytes such as 7E 7F';
      throw problem(token, `"${token.text}" is not hex bytes`, expected);
    }
    for (let at = 0; at < text.length; at += 2) {
      const value = Number.parseInt(text.slice(at, at + 2), 16);
      if (value > max) {
        throw problem(
          token,
          `byte 0x${text.slice(at, at + 2)} is above 0x${max.toString(16)}`,
          `bytes up to 0x${max.toString(16)}`,
        );
      }
      bytes.push(value);
    }
  });
  const span =
    tokens.length > 0
      ? spanBetween(tokens[0], tokens[tokens.length - 1])
      : { line: 0, column: 0, offset: 0, length: 0 };
  return { bytes, openEnded, span };
}
