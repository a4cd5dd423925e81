// Parses the message part of a `send` or `expect` line: hex words, a friendly form with fields
// (`note-on channel 3 note 60 velocity any`), a multi-packet form with `data` bytes, `ci reply`
// or `any`. Sends need values; expectations take matchers (any, ranges, captures) and masks.
import { parseUmpHex, wordCountOf } from '../ump';
import type { FieldSpec, MessageSpec } from './ast';
import { byteForm, type ByteFormField } from './byteForms';
import { ciKindNames } from './ciMessages';
import type { Token } from './lexer';
import { packetForm, packetFormNames, type PacketField } from './packetForms';
import { ParseProblem, problem, spanBetween, spanOf, type TokenCursor } from './tokenCursor';
import { checkMax, parseBytes, parseMatcher, parseValue, type Scope } from './values';

export type MessageContext = 'send' | 'expect';

export function parseMessage(
  cursor: TokenCursor,
  context: MessageContext,
  scope: Scope,
  fileText: string,
): MessageSpec {
  const first = cursor.next(context === 'send' ? 'a message to send' : 'the message to expect');
  const last = cursor.tokens[cursor.tokens.length - 1];
  const span = spanBetween(first, last);
  if (first.text === 'any') {
    if (context === 'send') throw problem(first, '"any" cannot be sent', 'a message');
    cursor.expectEnd('any');
    return { kind: 'any', span };
  }
  if (first.text === 'ci') return parseCi(cursor, context, scope, span);
  const midi2 = first.text === 'midi2';
  const formToken = midi2 ? cursor.next('a message name after midi2, e.g. note-on') : first;
  const packet = packetForm(formToken.text, midi2);
  if (packet) {
    const fields = parseFields(cursor, packet.fields, packet.name, context, scope, false);
    checkRequired(formToken, packet.name, packet.fields, fields, context);
    return { kind: 'form', form: packet.name, fields, span };
  }
  const bytes = byteForm(formToken.text);
  if (bytes && !midi2) return parseByteForm(cursor, formToken, bytes.name, context, scope, span);
  if (midi2) {
    const names = packetFormNames()
      .filter((name) => name.startsWith('midi2 '))
      .map((name) => name.slice(6));
    throw problem(formToken, `"${formToken.text}" is not a MIDI 2.0 message`, `one of ${names.join(', ')}`);
  }
  const looksLikeName = /^[a-z][a-z0-9-]*$/i.test(first.text) && /[g-z-]/i.test(first.text);
  if (looksLikeName || (context === 'expect' && !/^(0x)?[0-9a-f?_]+$/i.test(first.text))) {
    throw problem(
      first,
      `"${first.text}" is neither a message name nor hex`,
      `hex words (0x20903C64) or a message: ${[...new Set(packetFormNames().map((n) => n.replace('midi2 ', '')))].join(', ')}, sysex, sysex8, mds, ci`,
    );
  }
  return context === 'send'
    ? parseHexSend(cursor, first, fileText, span)
    : parseWordPattern(cursor, first, span);
}

function parseFields(
  cursor: TokenCursor,
  known: readonly (PacketField | ByteFormField)[],
  formName: string,
  context: MessageContext,
  scope: Scope,
  allowData: boolean,
): FieldSpec[] {
  const fields: FieldSpec[] = [];
  while (!cursor.atEnd()) {
    if (allowData && cursor.peek()?.text === 'data') return fields;
    const nameToken = cursor.next('a field name');
    if (nameToken.text === 'within' || nameToken.text === 'for') {
      throw problem(
        nameToken,
        `${nameToken.text} goes last, followed by a duration with its unit`,
        `${nameToken.text} 5ms`,
      );
    }
    const field = known.find((candidate) => candidate.name === nameToken.text);
    if (field === undefined) {
      const names = known.map((candidate) => candidate.name);
      if (allowData) names.push('data');
      throw problem(nameToken, `${formName} has no field "${nameToken.text}"`, `one of ${names.join(', ')}`);
    }
    if (fields.some((seen) => seen.name === field.name)) {
      throw problem(nameToken, `${field.name} is given twice`, 'each field once');
    }
    const valueToken = cursor.next(`a value for ${field.name}`);
    fields.push({
      name: field.name,
      matcher: fieldMatcher(valueToken, field, context, scope),
      span: spanBetween(nameToken, valueToken),
    });
  }
  return fields;
}

function fieldMatcher(
  token: Token,
  field: PacketField | ByteFormField,
  context: MessageContext,
  scope: Scope,
) {
  if (field.name === 'destination' && token.text === 'broadcast') {
    return {
      kind: 'equals' as const,
      value: { kind: 'number' as const, value: 0x0fffffff, span: spanOf(token) },
    };
  }
  if (context === 'expect') return parseMatcher(token, scope, field.name, field.max);
  const value = parseValue(token, scope, field.name);
  checkMax(token, value, field.max, field.name);
  return { kind: 'equals' as const, value };
}

function checkRequired(
  at: Token,
  formName: string,
  known: readonly (PacketField | ByteFormField)[],
  fields: readonly FieldSpec[],
  context: MessageContext,
): void {
  if (context !== 'send') return;
  const missing = known.filter(
    (field) => field.defaultValue === undefined && !fields.some((given) => given.name === field.name),
  );
  if (missing.length > 0) {
    throw problem(
      at,
      `a ${formName} to send needs ${missing.map((field) => field.name).join(' and ')}`,
      missing.map((field) => `${field.name} N`).join(' '),
    );
  }
}

function parseByteForm(
  cursor: TokenCursor,
  formToken: Token,
  name: string,
  context: MessageContext,
  scope: Scope,
  span: MessageSpec['span'],
): MessageSpec {
  const form = byteForm(name);
  if (form === undefined) throw problem(formToken, `unknown message ${name}`, 'a message name');
  const fields = parseFields(cursor, form.fields, form.name, context, scope, true);
  checkRequired(formToken, form.name, form.fields, fields, context);
  let data;
  const dataToken = cursor.accept('data');
  if (dataToken) {
    const rest = cursor.tokens.slice(cursor.index);
    if (rest.length === 0) throw cursor.problemAtEnd('expected bytes after data', 'hex bytes such as 7E 7F');
    data = parseBytes(rest, context === 'expect', form.byteMax);
  } else if (context === 'send' && form.family !== 'ci') {
    throw cursor.problemAtEnd(
      `a ${form.name} to send needs data`,
      'data and hex bytes, e.g. data 7E 7F 06 01',
    );
  }
  return { kind: 'form', form: form.name, fields, data, span };
}

function parseCi(
  cursor: TokenCursor,
  context: MessageContext,
  scope: Scope,
  span: MessageSpec['span'],
): MessageSpec {
  const kindToken = cursor.next(`a MIDI-CI message: reply, ${ciKindNames().join(', ')}`);
  if (kindToken.text === 'reply') {
    if (context === 'send')
      throw problem(kindToken, '"ci reply" is for expectations', 'a MIDI-CI message name');
    const fields = parseFields(cursor, [{ name: 'group', max: 15 }], 'ci reply', context, scope, false);
    return { kind: 'ciReply', fields, span };
  }
  if (byteForm(`ci ${kindToken.text}`) === undefined) {
    throw problem(
      kindToken,
      `"${kindToken.text}" is not a MIDI-CI message`,
      `reply or one of ${ciKindNames().join(', ')}`,
    );
  }
  return parseByteForm(cursor, kindToken, `ci ${kindToken.text}`, context, scope, span);
}

/** Hex words as the send commands read them (parseUmpHex), positions mapped back to the file. */
function parseHexSend(
  cursor: TokenCursor,
  first: Token,
  fileText: string,
  span: MessageSpec['span'],
): MessageSpec {
  const last = cursor.tokens[cursor.tokens.length - 1];
  const text = fileText.slice(first.offset, last.offset + last.text.length);
  const parsed = parseUmpHex(text);
  if (!parsed.ok) {
    const { error } = parsed;
    const offset = first.offset + error.offset;
    throw new ParseProblem({
      message: error.message,
      span: {
        line: first.line,
        column: first.column + error.offset,
        offset,
        length: Math.max(error.length, 1),
      },
      token: error.token,
      expected: error.expected,
    });
  }
  while (!cursor.atEnd()) cursor.next('');
  return { kind: 'words', messages: parsed.messages.map((message) => message.words), span };
}

/**
 * Expected words: 8 hex digits each (0x and _ allowed), `?` for any nibble, and optionally
 * `mask` followed by one mask word per word (bits set in the mask are compared).
 */
function parseWordPattern(cursor: TokenCursor, first: Token, span: MessageSpec['span']): MessageSpec {
  const values: number[] = [];
  const masks: number[] = [];
  let maskStart: Token | undefined;
  const given: Token[] = [first];
  const maskTokens: Token[] = [];
  while (!cursor.atEnd()) {
    const token = cursor.next('a word');
    if (token.text === 'mask') {
      maskStart = token;
      continue;
    }
    (maskStart ? maskTokens : given).push(token);
  }
  for (const token of given) {
    const digits = token.text.replace(/^0x/i, '').replace(/_/g, '');
    if (!/^[0-9a-f?]{8}$/i.test(digits)) {
      throw problem(
        token,
        `"${token.text}" is not a word of 8 hex digits`,
        '8 hex digits, ? for any nibble, e.g. 0x2090_3C??',
      );
    }
    values.push(Number.parseInt(digits.replace(/\?/g, '0'), 16) >>> 0);
    masks.push(Number.parseInt(digits.replace(/[0-9a-f]/gi, 'F').replace(/\?/g, '0'), 16) >>> 0);
  }
  if (given.length === 0) throw problem(maskStart ?? cursor.tokens[0], 'no words to expect', 'hex words');
  const expectedWords = wordCountOf(values[0]);
  if (given.length !== expectedWords) {
    throw problem(
      given[0],
      `a message of type 0x${(values[0] >>> 28).toString(16).toUpperCase()} has ${expectedWords} words, ${given.length} given`,
      `${expectedWords} words`,
    );
  }
  if (maskStart) {
    if (maskTokens.length !== given.length) {
      throw problem(
        maskStart,
        `mask needs ${given.length} words, one per word`,
        `${given.length} mask words`,
      );
    }
    maskTokens.forEach((token, index) => {
      const digits = token.text.replace(/^0x/i, '').replace(/_/g, '');
      if (!/^[0-9a-f]{1,8}$/i.test(digits))
        throw problem(token, `"${token.text}" is not a mask word`, 'hex, e.g. 0xFFFFFF00');
      masks[index] = (masks[index] & Number.parseInt(digits, 16)) >>> 0;
    });
  }
  return { kind: 'wordPattern', values: values.map((v, i) => (v & masks[i]) >>> 0), masks, span };
}
