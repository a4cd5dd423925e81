// The discovery result as text for a detail view and the clipboard, like `midi endpoint
// properties --verbose`: every value decoded and every packet it came in, raw, with its fields.
import { decodeUmp, formatWord, numberLabel, type GroupChannelNumbering } from '../ump';
import type { DiscoveryResult, Received } from './discoveryResult';

const directionNames = ['reserved (0)', 'input', 'output', 'bidirectional'];
const midi1Names = ['not MIDI 1.0', 'MIDI 1.0', 'MIDI 1.0 at 31.25 kb/s', 'reserved (3)'];
const uiHintNames = ['unknown', 'receiver', 'sender', 'sender and receiver'];

export const describeDirection = (direction: number): string =>
  directionNames[direction] ?? String(direction);
export const describeMidi1 = (midi1: number): string => midi1Names[midi1] ?? String(midi1);
export const describeUiHint = (hint: number): string => uiHintNames[hint] ?? String(hint);
const hex2 = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');

export type { GroupChannelNumbering } from '../ump';

/** A group (as in the message) under `numbering`: "1" for group 0 under oneBased. */
export function groupNumber(group: number, numbering: GroupChannelNumbering): string {
  return numberLabel(group, numbering);
}

/** "groups 1–4" (oneBased) or "groups 0–3" (zeroBased) for a block from group 0 spanning 4. */
export function describeGroups(
  firstGroup: number,
  groupCount: number,
  numbering: GroupChannelNumbering,
): string {
  const first = groupNumber(firstGroup, numbering);
  return groupCount === 1
    ? `group ${first}`
    : `groups ${first}–${groupNumber(firstGroup + groupCount - 1, numbering)}`;
}

function packetsText(received: Received<unknown> | undefined, indent: string): string[] {
  if (received === undefined) return [];
  return received.packets.flatMap((packet) => {
    const decoded = decodeUmp(packet);
    return [
      `${indent}raw ${packet.map((w) => formatWord(w)).join(' ')}  (${decoded.name})`,
      ...decoded.fields.map((field) => `${indent}  ${field.name}: ${field.display}`),
    ];
  });
}

/** The report; function block groups under `numbering` (the user's midiScope.display.numbering). */
export function discoveryReportText(
  endpointName: string,
  result: DiscoveryResult,
  numbering: GroupChannelNumbering,
): string {
  const lines: string[] = [];
  const elapsed =
    result.finishedAtMs === undefined
      ? 'running'
      : `${(result.finishedAtMs - result.startedAtMs).toFixed(1)} ms`;
  lines.push(`Endpoint discovery: ${endpointName}`, `state: ${result.state} (${elapsed})`, '');
  const info = result.endpointInfo?.value;
  lines.push('Endpoint');
  lines.push(
    `  name: ${result.endpointName === undefined ? '(none sent)' : JSON.stringify(result.endpointName.value)}`,
  );
  lines.push(...packetsText(result.endpointName, '    '));
  lines.push(
    `  product instance id: ${result.productInstanceId === undefined ? '(none sent)' : JSON.stringify(result.productInstanceId.value)}`,
  );
  lines.push(...packetsText(result.productInstanceId, '    '));
  if (info !== undefined) {
    const protocols = [
      info.supportsMidi1Protocol ? 'MIDI 1.0' : '',
      info.supportsMidi2Protocol ? 'MIDI 2.0' : '',
    ]
      .filter((p) => p !== '')
      .join(', ');
    lines.push(
      `  UMP version: ${info.umpVersionMajor}.${info.umpVersionMinor}`,
      `  protocols: ${protocols || 'none'}`,
      `  JR timestamps: receive ${info.receivesJrTimestamps ? 'yes' : 'no'}, transmit ${info.transmitsJrTimestamps ? 'yes' : 'no'}`,
      `  function blocks: ${info.functionBlockCount} (${info.staticFunctionBlocks ? 'static' : 'may change'})`,
    );
  } else lines.push('  endpoint info: (none sent)');
  lines.push(...packetsText(result.endpointInfo, '    '));
  const identity = result.deviceIdentity?.value;
  lines.push(
    identity === undefined
      ? '  device identity: (none sent)'
      : `  device identity: manufacturer ${identity.manufacturer.map(hex2).join(' ')}, family 0x${identity.family.toString(16).padStart(4, '0')}, model 0x${identity.model.toString(16).padStart(4, '0')}, revision ${identity.softwareRevision.map(hex2).join(' ')}`,
  );
  lines.push(...packetsText(result.deviceIdentity, '    '));
  const config = result.streamConfiguration?.value;
  lines.push(
    config === undefined
      ? '  stream configuration: (none sent)'
      : `  stream configuration: protocol ${config.protocol}, rx JR ${config.receiveJrTimestamps}, tx JR ${config.transmitJrTimestamps}`,
  );
  lines.push(...packetsText(result.streamConfiguration, '    '));
  const negotiation = result.negotiation;
  if (negotiation !== undefined) {
    const r = negotiation.requested;
    lines.push(
      `  negotiation: asked for MIDI ${r.protocol}.0 (rx JR ${r.receiveJrTimestamps}, tx JR ${r.transmitJrTimestamps}), ` +
        (negotiation.answer === undefined
          ? 'no answer'
          : `answered MIDI ${negotiation.answer.value.protocol}.0: ${negotiation.accepted === true ? 'accepted' : 'not what was asked'}`),
    );
    lines.push(...packetsText(negotiation.answer, '    '));
  }
  for (const block of [...result.functionBlocks.values()].sort((a, b) => a.functionBlock - b.functionBlock)) {
    lines.push(
      '',
      `Function block ${block.functionBlock}: ${block.name === undefined ? '(no name)' : JSON.stringify(block.name.value)}`,
    );
    const b = block.info?.value;
    if (b !== undefined) {
      lines.push(
        `  ${b.active ? 'active' : 'inactive'}, ${describeDirection(b.direction)}, ${describeGroups(b.firstGroup, b.groupCount, numbering)}`,
        `  MIDI 1.0: ${describeMidi1(b.midi1)}; UI hint: ${describeUiHint(b.uiHint)}`,
        `  MIDI-CI version: 0x${hex2(b.midiCiVersion)}; SysEx8 streams: ${b.maxSysEx8Streams}`,
      );
    }
    lines.push(...packetsText(block.info, '    '), ...packetsText(block.name, '    '));
  }
  lines.push('', `Missing (${result.missing.length})`, ...result.missing.map((m) => `  ${m}`));
  lines.push(
    '',
    `Problems (${result.problems.length})`,
    ...result.problems.map((p) => `  [${p.code}] ${p.message}`),
  );
  return `${lines.join('\n')}\n`;
}
