// Turns the message of a `send` step into the UMP packets that go out, with the file's variables.
import { buildMixedDataSetPackets, buildSysEx7Packets, buildSysEx8Packets } from '../ump';
import type { FieldSpec, MessageSpec } from './ast';
import { byteForm } from './byteForms';
import { buildCiBody, ciReplyKind, type CiMessage } from './ciMessages';
import { MatchSetupError, valueOf, type CiRequestSent, type Variables } from './matcher';
import { buildPacket, packetForm } from './packetForms';

export interface BuiltMessage {
  packets: Uint32Array[];
  /** Set when the message is a MIDI-CI request, for a later `ci reply`. */
  ciRequest?: CiRequestSent;
}

function fieldValues(fields: readonly FieldSpec[], variables: Variables): Map<string, number> {
  const values = new Map<string, number>();
  for (const field of fields) {
    if (field.matcher.kind !== 'equals') throw new MatchSetupError(`${field.name} needs a value to send`);
    values.set(field.name, valueOf(field.matcher.value, variables));
  }
  return values;
}

export function buildMessage(spec: MessageSpec, variables: Variables): BuiltMessage {
  if (spec.kind === 'words') return { packets: spec.messages };
  if (spec.kind !== 'form') throw new MatchSetupError(`${spec.kind} cannot be sent`);
  const values = fieldValues(spec.fields, variables);
  const packet = packetForm(spec.form.replace(/^midi2 /, ''), spec.form.startsWith('midi2 '));
  if (packet) return { packets: [buildPacket(packet, values)] };
  const form = byteForm(spec.form);
  if (form === undefined) throw new MatchSetupError(`unknown message ${spec.form}`);
  const value = (name: string): number =>
    values.get(name) ?? form.fields.find((field) => field.name === name)?.defaultValue ?? 0;
  const data = (spec.data?.bytes ?? []).map((byte) => byte ?? 0);
  const group = value('group');
  switch (form.family) {
    case 'sysex7':
      return { packets: buildSysEx7Packets(group, data) };
    case 'sysex8':
      return { packets: buildSysEx8Packets(group, value('stream'), data) };
    case 'mds':
      return {
        packets: buildMixedDataSetPackets(
          group,
          value('id'),
          {
            manufacturerId: value('manufacturer'),
            deviceId: value('device'),
            subId1: value('sub1'),
            subId2: value('sub2'),
          },
          data,
        ),
      };
    case 'ci': {
      const subId2 = form.subId2 ?? 0;
      const hasRequest = form.fields.some((field) => field.name === 'request');
      const message: Omit<CiMessage, 'requestId'> = {
        deviceId: value('device'),
        subId2,
        version: value('version'),
        source: value('source'),
        destination: value('destination'),
        data: Uint8Array.from(hasRequest ? [value('request'), ...data] : data),
      };
      return {
        packets: buildSysEx7Packets(group, buildCiBody(message)),
        // Only requests that have a reply; a reply sent by the test does not replace its request.
        ciRequest:
          ciReplyKind(subId2) === undefined
            ? undefined
            : {
                subId2,
                source: message.source,
                destination: message.destination,
                requestId: hasRequest ? value('request') : undefined,
              },
      };
    }
  }
}
