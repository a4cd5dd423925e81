// Per-line time offsets for schedules: `+10ms` (delay after the previous message) and `@1.5s`
// (offset from the start of the schedule). Units: us (or µs), ms, s; the number is decimal and may
// have a fraction. Values come out in microseconds, exact to the nanosecond.

export type TimeOffsetKind = 'delay' | 'at';

export type TimeOffsetReading =
  { ok: true; kind: TimeOffsetKind; microseconds: number } | { ok: false; problem: string; expected: string };

const microsecondsPerUnit: Readonly<Record<string, number>> = { us: 1, µs: 1, μs: 1, ms: 1000, s: 1_000_000 };

/** Whether a token is meant as a time offset (it starts with + or @). */
export function looksLikeTimeOffset(token: string): boolean {
  return token.startsWith('+') || token.startsWith('@');
}

export function readTimeOffset(token: string): TimeOffsetReading {
  const kind: TimeOffsetKind = token.startsWith('@') ? 'at' : 'delay';
  let at = 1;
  let whole = 0;
  let wholeDigits = 0;
  while (at < token.length && isDigit(token.charCodeAt(at))) {
    whole = whole * 10 + (token.charCodeAt(at) - 0x30);
    wholeDigits++;
    at++;
  }
  let fraction = '';
  if (token[at] === '.') {
    at++;
    while (at < token.length && isDigit(token.charCodeAt(at))) fraction += token[at++];
  }
  if (wholeDigits === 0 && fraction.length === 0) {
    return {
      ok: false,
      problem: `'${token}' has no number after '${token[0]}'`,
      expected: 'a time such as +10ms, +250us or @1.5s',
    };
  }
  const unit = token.slice(at).toLowerCase();
  const scale = microsecondsPerUnit[unit];
  if (scale === undefined) {
    const what = unit === '' ? 'has no unit' : `has the unit '${token.slice(at)}'`;
    return { ok: false, problem: `the time offset '${token}' ${what}`, expected: 'a unit: us, ms or s' };
  }
  const fractionValue = fraction.length === 0 ? 0 : Number('0.' + fraction);
  const microseconds = Math.round((whole + fractionValue) * scale * 1000) / 1000;
  if (!Number.isSafeInteger(Math.floor(microseconds))) {
    return { ok: false, problem: `the time offset '${token}' is too large`, expected: 'at most 2^53 µs' };
  }
  return { ok: true, kind, microseconds };
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
