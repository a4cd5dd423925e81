// Judges received messages against an expectation: the fields a test names (values, ranges,
// `any`, `?captures`), word masks, and bytes of reassembled SysEx, Mixed Data Set and MIDI-CI
// messages. A mismatch says field by field what differed, for the failure report.
import type { BytePattern, FieldMatcher, FieldSpec, MessageSpec, ValueExpression } from './ast';
import { byteForm, type ByteForm } from './byteForms';
import { broadcastMuid, ciKindName, ciReplyKind, parseCiBody } from './ciMessages';
import { isPacketOfForm, packetForm, type PacketForm } from './packetForms';
import type { ReceivedItem } from './received';

export type Variables = Map<string, number>;

export interface FieldDifference {
  field: string;
  expected: string;
  actual: string;
}

export type MatchOutcome =
  | { ok: true; captures: [string, number][] }
  /** `sameKind`: the message is of the expected kind and only fields differ (a near miss). */
  | { ok: false; sameKind: boolean; differences: FieldDifference[] };

export interface Matcher {
  /** The expectation as a sentence, e.g. "note-on channel 0-3 note 60". */
  readonly description: string;
  match(item: ReceivedItem): MatchOutcome;
}

/** The last MIDI-CI request a test sent, for `ci reply`. */
export interface CiRequestSent {
  subId2: number;
  source: number;
  destination: number;
  requestId?: number;
}

export class MatchSetupError extends Error {}

export function valueOf(expression: ValueExpression, variables: Variables): number {
  if (expression.kind === 'number') return expression.value;
  const value = variables.get(expression.name);
  if (value === undefined) throw new MatchSetupError(`$${expression.name} has no value here`);
  return value;
}

const notThisKind: MatchOutcome = { ok: false, sameKind: false, differences: [] };

export function compileMatcher(
  spec: MessageSpec,
  variables: Variables,
  lastCiRequest?: CiRequestSent,
): Matcher {
  switch (spec.kind) {
    case 'any':
      return {
        description: 'any message',
        match: (item) => (item.kind === 'packet' ? { ok: true, captures: [] } : notThisKind),
      };
    case 'words':
      return wordMatcher(
        Array.from(spec.messages[0]),
        Array.from(spec.messages[0], () => 0xffffffff),
      );
    case 'wordPattern':
      return wordMatcher(spec.values, spec.masks);
    case 'ciReply':
      return ciReplyMatcher(spec.fields, variables, lastCiRequest);
    case 'form': {
      const packet = packetForm(spec.form.replace(/^midi2 /, ''), spec.form.startsWith('midi2 '));
      if (packet) return packetMatcher(packet, spec.fields, variables);
      const bytes = byteForm(spec.form);
      if (bytes) return byteMatcher(bytes, spec.fields, spec.data, variables);
      throw new MatchSetupError(`unknown message form ${spec.form}`);
    }
  }
}

function hex(value: number, digits = 8): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(digits, '0')}`;
}

function wordMatcher(values: number[], masks: number[]): Matcher {
  const description = values
    .map((value, index) =>
      hex(value)
        .slice(2)
        .split('')
        .map((digit, nibble) => (((masks[index] >>> (28 - nibble * 4)) & 0xf) === 0xf ? digit : '?'))
        .join(''),
    )
    .join(' ');
  return {
    description,
    match(item) {
      if (item.kind !== 'packet' || item.words.length !== values.length) return notThisKind;
      const differences: FieldDifference[] = [];
      values.forEach((value, index) => {
        const actual = item.words[index];
        if ((actual & masks[index]) >>> 0 !== value) {
          differences.push({
            field: `word ${index}`,
            expected: description.split(' ')[index],
            actual: hex(actual).slice(2),
          });
        }
      });
      if (differences.length === 0) return { ok: true, captures: [] };
      // Same type and status nibbles: the same kind of message with other fields.
      const sameKind = ((item.words[0] ^ values[0]) & masks[0] & 0xf0f00000) === 0;
      return { ok: false, sameKind, differences };
    },
  };
}

interface ResolvedField {
  name: string;
  matcher: FieldMatcher;
  low: number;
  high: number;
  text: string;
}

function resolveFields(fields: readonly FieldSpec[], variables: Variables): ResolvedField[] {
  return fields.map(({ name, matcher }) => {
    switch (matcher.kind) {
      case 'any':
        return { name, matcher, low: 0, high: Infinity, text: 'any' };
      case 'capture':
        return { name, matcher, low: 0, high: Infinity, text: `?${matcher.name}` };
      case 'equals': {
        const value = valueOf(matcher.value, variables);
        return { name, matcher, low: value, high: value, text: String(value) };
      }
      case 'range': {
        const low = valueOf(matcher.low, variables);
        const high = valueOf(matcher.high, variables);
        return { name, matcher, low, high, text: `${low}-${high}` };
      }
    }
  });
}

/** Compares named values; a capture takes its value. */
function judgeFields(
  fields: readonly ResolvedField[],
  actual: (name: string) => number | undefined,
): { differences: FieldDifference[]; captures: [string, number][] } {
  const differences: FieldDifference[] = [];
  const captures: [string, number][] = [];
  for (const field of fields) {
    const value = actual(field.name);
    if (value === undefined) {
      differences.push({ field: field.name, expected: field.text, actual: 'absent' });
      continue;
    }
    if (field.matcher.kind === 'capture') captures.push([field.matcher.name, value]);
    else if (value < field.low || value > field.high) {
      differences.push({ field: field.name, expected: field.text, actual: String(value) });
    }
  }
  return { differences, captures };
}

function describe(name: string, fields: readonly ResolvedField[], data?: BytePattern): string {
  const parts = [name, ...fields.map((field) => `${field.name} ${field.text}`)];
  if (data) parts.push(`data ${describeBytes(data)}`);
  return parts.join(' ');
}

function describeBytes(data: BytePattern): string {
  const bytes = data.bytes.map((byte) =>
    byte === null ? '??' : byte.toString(16).toUpperCase().padStart(2, '0'),
  );
  return [...bytes, ...(data.openEnded ? ['...'] : [])].join(' ');
}

function packetMatcher(form: PacketForm, specs: readonly FieldSpec[], variables: Variables): Matcher {
  const fields = resolveFields(specs, variables);
  return {
    description: describe(form.name, fields),
    match(item) {
      if (item.kind !== 'packet' || !isPacketOfForm(form, item.words)) return notThisKind;
      const { differences, captures } = judgeFields(fields, (name) =>
        form.fields.find((field) => field.name === name)?.get(item.words),
      );
      return differences.length === 0 ? { ok: true, captures } : { ok: false, sameKind: true, differences };
    },
  };
}

function bytesDiffer(pattern: BytePattern, bytes: Uint8Array): FieldDifference | undefined {
  const lengthOk = pattern.openEnded
    ? bytes.length >= pattern.bytes.length
    : bytes.length === pattern.bytes.length;
  const mismatch = pattern.bytes.findIndex((byte, index) => byte !== null && bytes[index] !== byte);
  if (lengthOk && mismatch < 0) return undefined;
  const shown = Array.from(bytes.subarray(0, 64), (byte) =>
    byte.toString(16).toUpperCase().padStart(2, '0'),
  ).join(' ');
  const where = mismatch >= 0 ? ` (first difference at byte ${mismatch})` : ` (${bytes.length} bytes)`;
  return {
    field: 'data',
    expected: describeBytes(pattern),
    actual: `${shown}${bytes.length > 64 ? ' …' : ''}${where}`,
  };
}

function byteMatcher(
  form: ByteForm,
  specs: readonly FieldSpec[],
  data: BytePattern | undefined,
  variables: Variables,
): Matcher {
  const fields = resolveFields(specs, variables);
  return {
    description: describe(form.name, fields, data),
    match(item) {
      let actual: (name: string) => number | undefined;
      let payload: Uint8Array;
      if (form.family === 'ci') {
        if (item.kind !== 'sysex7') return notThisKind;
        const ci = parseCiBody(item.bytes);
        if (ci === undefined || ci.subId2 !== form.subId2) return notThisKind;
        const values: Record<string, number | undefined> = {
          group: item.group,
          device: ci.deviceId,
          version: ci.version,
          source: ci.source,
          destination: ci.destination,
          request: ci.requestId,
        };
        actual = (name) => values[name];
        // As in sends: Property Exchange data starts after the request id (its own field).
        payload = ci.requestId === undefined ? ci.data : ci.data.subarray(1);
      } else {
        if (item.kind !== form.family) return notThisKind;
        const record = item as unknown as Record<string, number>;
        actual = (name) => record[name];
        payload = item.bytes;
      }
      const { differences, captures } = judgeFields(fields, actual);
      const dataDifference = data && bytesDiffer(data, payload);
      if (dataDifference) differences.push(dataDifference);
      return differences.length === 0 ? { ok: true, captures } : { ok: false, sameKind: true, differences };
    },
  };
}

function number(value: number): ValueExpression {
  return { kind: 'number', value, span: { line: 0, column: 0, offset: 0, length: 0 } };
}

/** The reply to `request`: its reply kind, addressed to the request's source MUID, from its
 * destination (unless that was broadcast), with the same request id. */
function ciReplyMatcher(
  specs: readonly FieldSpec[],
  variables: Variables,
  request: CiRequestSent | undefined,
): Matcher {
  if (request === undefined) throw new MatchSetupError('ci reply: this test sent no MIDI-CI request before');
  const replyKind = ciReplyKind(request.subId2);
  if (replyKind === undefined) {
    throw new MatchSetupError(`ci reply: a MIDI-CI ${ciKindName(request.subId2)} has no reply`);
  }
  const form = byteForm(`ci ${ciKindName(replyKind)}`);
  if (form === undefined)
    throw new MatchSetupError(`ci reply: no form for sub-id 0x${replyKind.toString(16)}`);
  const span = { line: 0, column: 0, offset: 0, length: 0 };
  const fields: FieldSpec[] = [
    ...specs,
    { name: 'destination', matcher: { kind: 'equals', value: number(request.source) }, span },
  ];
  if (request.destination !== broadcastMuid) {
    fields.push({ name: 'source', matcher: { kind: 'equals', value: number(request.destination) }, span });
  }
  if (request.requestId !== undefined) {
    fields.push({ name: 'request', matcher: { kind: 'equals', value: number(request.requestId) }, span });
  }
  return byteMatcher(form, fields, undefined, variables);
}
