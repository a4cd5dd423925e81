// A virtual device's declared function blocks in the words discovery uses for what it finds, so
// that the declared rows and the discovered rows under the same device read alike.
import {
  describeDirection,
  describeGroups,
  describeMidi1,
  describeUiHint,
  groupNumber,
  type GroupChannelNumbering,
} from '../../discovery';
import type { VirtualFunctionBlock } from '../../virtualDevice';

// The declaration's words as the numbers discovery reports (UMP 1.1 Function Block Info fields).
const directionCodes = { input: 1, output: 2, bidirectional: 3 } as const;
const midi1Codes = { none: 0, midi1: 1, midi1Restricted: 2 } as const;
const uiHintCodes = { unknown: 0, receiver: 1, sender: 2, both: 3 } as const;

const ciVersion = (version: number): string =>
  version === 0 ? 'none' : `0x${version.toString(16).padStart(2, '0')}`;

/** The declared block's fields, in the words discovery uses for what it finds; groups under `numbering`. */
export function declaredBlockFields(
  index: number,
  block: VirtualFunctionBlock,
  numbering: GroupChannelNumbering,
): [string, string][] {
  return [
    ['Block', String(index)],
    ['Name', block.name],
    ['Direction', describeDirection(directionCodes[block.direction])],
    [
      'Groups',
      `${describeGroups(block.firstGroup, block.groupCount, numbering)} (first ${groupNumber(block.firstGroup, numbering)}, count ${block.groupCount})`,
    ],
    ['MIDI 1.0', describeMidi1(midi1Codes[block.midi1])],
    ['UI hint', describeUiHint(uiHintCodes[block.uiHint])],
    ['MIDI-CI version', ciVersion(block.midiCiVersion)],
    ['SysEx8 streams', String(block.maxSysEx8Streams)],
    ['Active', block.active ? 'yes' : 'no'],
  ];
}

export function declaredBlockSummary(block: VirtualFunctionBlock, numbering: GroupChannelNumbering): string {
  const parts = [
    describeDirection(directionCodes[block.direction]),
    describeGroups(block.firstGroup, block.groupCount, numbering),
  ];
  if (block.midi1 !== 'none') parts.push(describeMidi1(midi1Codes[block.midi1]));
  parts.push(`UI ${describeUiHint(uiHintCodes[block.uiHint])}`, `CI ${ciVersion(block.midiCiVersion)}`);
  if (!block.active) parts.push('inactive');
  return parts.join(' · ');
}
