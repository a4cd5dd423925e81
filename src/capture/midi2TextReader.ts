// Reads Windows MIDI Services console capture text (.midi2; see midi2TextFormat.ts): header and
// annotation `#` lines, and lines of words joined by a space, comma, pipe or tab (found per line,
// as the console's send-message-file does). A message takes the timestamp of the annotation just
// before it, or the previous message's when it has none. Files the console appended to hold
// several headers: each `Endpoint:` line switches the endpoint of the messages after it.
import { messageTypeName, wordCountOf } from '../ump';
import { CaptureTable, type CaptureInfo, type CaptureReadError, type CaptureReading } from './captureTable';
import { midi2HeaderKeys } from './midi2TextFormat';
import { hexDigitValue, textLines, type TextLine } from './textLines';
import type { ReadOptions } from './umpTextReader';

const annotationPattern = /^#\s+\d{1,2}:\d{2}:\d{2}(?:\.\d+)?[ ,|\t](\d+)[ ,|\t]/;
const endpointTagPattern = /\[e(\d{1,3})\]\s*$/;

export function readMidi2Text(text: string, options: ReadOptions): CaptureReading {
  const table = new CaptureTable();
  const endpoints: string[] = [];
  let ticksPerSecond = 10_000_000;
  let title: string | undefined;
  let currentEndpoint = 0;
  let pending: { ticks: number; endpoint: number | undefined } | undefined;
  let previousTicks = 0;
  const words = new Uint32Array(4);

  const endpointNamed = (name: string): number => {
    const index = endpoints.indexOf(name);
    if (index >= 0) return index;
    endpoints.push(name);
    return endpoints.length - 1;
  };

  const finish = (error?: CaptureReadError): CaptureReading => {
    if (endpoints.length === 0) endpoints.push(options.defaultEndpoint);
    const info: CaptureInfo = { endpoints, ticksPerSecond, title };
    return { info, table, error, notes: [] };
  };

  for (const line of textLines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === '' || trimmed === '#') continue;
    if (trimmed.startsWith('#')) {
      const annotatedTicks = annotationTicks(trimmed);
      if (annotatedTicks !== undefined) {
        const tag = trimmed.endsWith(']') ? endpointTagPattern.exec(trimmed) : null;
        pending = { ticks: annotatedTicks, endpoint: tag ? Math.min(255, Number(tag[1])) : undefined };
        continue;
      }
      const body = trimmed.slice(1).trim();
      if (body.startsWith(midi2HeaderKeys.title)) {
        title = title ?? body;
      } else if (body.startsWith(midi2HeaderKeys.endpoint)) {
        currentEndpoint = endpointNamed(body.slice(midi2HeaderKeys.endpoint.length).trim());
      } else if (body.startsWith(midi2HeaderKeys.extraEndpoint)) {
        const match = /^(\d{1,3}):\s?(.*)$/.exec(body.slice(midi2HeaderKeys.extraEndpoint.length));
        if (match && Number(match[1]) < 256) {
          const index = Number(match[1]);
          while (endpoints.length < index) endpoints.push(`endpoint ${endpoints.length}`);
          endpoints[index] = match[2];
        }
      } else if (body.startsWith(midi2HeaderKeys.ticksPerSecond)) {
        const value = Number(body.slice(midi2HeaderKeys.ticksPerSecond.length).trim());
        if (Number.isFinite(value) && value > 0) ticksPerSecond = value;
      }
      continue;
    }
    const problem = readWords(line, words);
    if (typeof problem !== 'number') return finish(problem);
    const ticks = pending?.ticks ?? previousTicks;
    if (endpoints.length === 0) endpoints.push(options.defaultEndpoint);
    table.add(words, 0, problem, ticks, pending?.endpoint ?? currentEndpoint);
    previousTicks = ticks;
    pending = undefined;
  }
  return finish();
}

/** The timestamp of an annotation line `# HH:mm:ss.fff<d><ticks><d>…`, else undefined. */
function annotationTicks(line: string): number | undefined {
  // Cheap test first: an annotation has a digit after '# ' and a ':' two or three places later.
  const digitAt = line.charCodeAt(2);
  if (digitAt < 0x30 || digitAt > 0x39 || (line[4] !== ':' && line[3] !== ':')) return undefined;
  const match = annotationPattern.exec(line);
  return match ? Number(match[1]) : undefined;
}

/** The line's words into `words`; their count, or the problem with its column. */
function readWords(line: TextLine, words: Uint32Array): number | CaptureReadError {
  const text = line.text;
  const delimiter = text.includes(',') ? ',' : text.includes('|') ? '|' : text.includes('\t') ? '\t' : ' ';
  let count = 0;
  let needed = 1;
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf(delimiter, at);
    if (end < 0) end = text.length;
    const field = text.slice(at, end);
    const start = at + (field.length - field.trimStart().length);
    const token = field.trim();
    at = end + 1;
    if (token === '') {
      if (delimiter === ' ' || end === text.length) continue;
      return fail(line, start, `an empty field between two '${delimiter}'`, 'a word such as 0x20903C64');
    }
    const value = wordValue(token);
    if (value < 0)
      return fail(line, start, `'${token}' is not a 32-bit word`, 'a word such as 0x20903C64 (8 hex digits)');
    if (count >= needed) {
      const first = words[0];
      return fail(
        line,
        start,
        `the line has more words than its message: a ${messageTypeName(first >>> 28)} message has ${needed}`,
        `${needed} word(s) on the line`,
      );
    }
    words[count++] = value;
    if (count === 1) needed = wordCountOf(value);
  }
  if (count < needed) {
    return fail(
      line,
      text.length - text.trimStart().length,
      `the message is cut short: a ${messageTypeName(words[0] >>> 28)} message has ${needed} words, the line has ${count}`,
      `${needed - count} more word(s)`,
    );
  }
  return count;
}

/** `0x` and 1–8 hex digits, or exactly 8 hex digits; -1 otherwise. */
function wordValue(token: string): number {
  const prefixed = token.length > 2 && token[0] === '0' && (token[1] === 'x' || token[1] === 'X');
  const digits = prefixed ? token.slice(2) : token;
  if (digits.length === 0 || digits.length > 8 || (!prefixed && digits.length !== 8)) return -1;
  let value = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = hexDigitValue(digits.charCodeAt(i));
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

function fail(line: TextLine, column0: number, message: string, expected: string): CaptureReadError {
  return { message, expected, line: line.number, column: column0 + 1, offset: line.offset + column0 };
}
