// How endpoints and transports are named to people, in one place for the tree, the pickers and
// the send commands: the transport's display name, the protocol, where a send goes.
import { groupNumber, type GroupChannelNumbering } from '../../discovery';
import type { MidiEndpointDeviceInformation, MidiFunctionBlockDetails } from '../../engine/types';

const transportNames: Record<string, string> = {
  diagnostics: 'Diagnostics',
  loopback: 'Loopbacks',
  alsa: 'ALSA',
  network: 'Network MIDI 2.0',
};

/** "ALSA", "Network MIDI 2.0", or the id itself for a transport this build does not know. */
export function transportDisplayName(transportId: string): string {
  return transportNames[transportId] ?? transportId;
}

export function protocolLabel(endpoint: MidiEndpointDeviceInformation): string {
  return endpoint.protocol === 'midi1'
    ? 'MIDI 1.0'
    : endpoint.protocol === 'midi2'
      ? 'MIDI 2.0'
      : 'protocol unknown';
}

/** A loopback side as people read it: "A" or "B". */
export function loopbackSide(endpoint: MidiEndpointDeviceInformation): string | undefined {
  return endpoint.loopback?.side;
}

/** Short facts for a description line: "client 20:0 · MIDI 1.0", "A · uniqueId", … */
export function endpointSummary(endpoint: MidiEndpointDeviceInformation): string {
  if (endpoint.loopback) return `${endpoint.loopback.side} · ${endpoint.uniqueId}`;
  const details = new Map(endpoint.details);
  const client = details.get('client');
  const port = details.get('port');
  const where =
    client !== undefined && port !== undefined ? `${client}:${port}` : (details.get('remote') ?? '');
  return [where, protocolLabel(endpoint)].filter((part) => part !== '').join(' · ');
}

/** Where a message sent to this endpoint goes, for pickers: "arrives on X" or "to the device". */
export function whereSendsGo(
  endpoint: MidiEndpointDeviceInformation,
  nameOf: (endpointDeviceId: string) => string | undefined,
): string {
  if (endpoint.loopback) {
    const peer = endpoint.loopback.peerEndpointDeviceId;
    return `arrives on ${nameOf(peer) ?? peer}`;
  }
  return `out through ${transportDisplayName(endpoint.transport)} to ${endpoint.name}`;
}

const directions = ['', 'input', 'output', 'input and output'];
const uiHints = ['unknown', 'receiver', 'sender', 'receiver and sender'];
const midi1Modes = ['not MIDI 1.0', 'MIDI 1.0', 'MIDI 1.0 at 31.25 kb/s'];

/** "Groups 1–2" under oneBased, "Groups 0–1" under zeroBased, for a block from group 0 spanning 2. */
export function groupRange(block: MidiFunctionBlockDetails, numbering: GroupChannelNumbering): string {
  const first = groupNumber(block.firstGroup, numbering);
  const last = groupNumber(block.firstGroup + block.groupCount - 1, numbering);
  return block.groupCount <= 1 ? `Group ${first}` : `Groups ${first}–${last}`;
}

/** Every field of a function block, for a tooltip or a detail view; groups under `numbering`. */
export function functionBlockFields(
  block: MidiFunctionBlockDetails,
  numbering: GroupChannelNumbering,
): [string, string][] {
  return [
    ['Block', String(block.number)],
    ['Name', block.name],
    ['Active', block.active ? 'yes' : 'no'],
    ['Direction', directions[block.direction] ?? `reserved (${block.direction})`],
    [
      'Groups',
      `${groupRange(block, numbering)} (first group ${block.firstGroup}, ${block.groupCount} groups, 0-based)`,
    ],
    ['UI hint', uiHints[block.uiHint] ?? `reserved (${block.uiHint})`],
    ['MIDI 1.0', midi1Modes[block.midi1] ?? `reserved (${block.midi1})`],
    [
      'MIDI-CI version',
      block.midiCiVersion === 0 ? 'none' : `0x${block.midiCiVersion.toString(16).padStart(2, '0')}`,
    ],
    ['SysEx8 streams', String(block.maxSysEx8Streams)],
  ];
}

export function functionBlockSummary(
  block: MidiFunctionBlockDetails,
  numbering: GroupChannelNumbering,
): string {
  const parts = [groupRange(block, numbering), directions[block.direction] ?? '?'];
  if (block.midi1 !== 0) parts.push(midi1Modes[block.midi1] ?? '');
  if (!block.active) parts.push('inactive');
  return parts.join(' · ');
}

/** What may separate a shared stem from the side: "Synth A", "Synth-B", "Synth (In)". */
const stemSeparators = /[\s\-_·:(]+$/;
/** Longest part after the stem that still reads as a side ("A", "In", "Out", "Rx"). */
const longestSideSuffix = 4;

/**
 * How a pair's row is labelled: the stem its two names share when what differs is only a short
 * side suffix ("Synth A" ↔ "Synth B" → "Synth"; the rows under it say "A · Synth A" and "B ·
 * Synth B"), else both names, each marked with its side. A short label stays whole in a sidebar.
 */
export function pairLabel(nameA: string, nameB: string): string {
  let shared = 0;
  while (shared < nameA.length && shared < nameB.length && nameA[shared] === nameB[shared]) shared++;
  const stem = nameA.slice(0, shared).replace(stemSeparators, '');
  const restA = nameA.slice(stem.length).replace(/^[\s\-_·:(]+|\)$/g, '');
  const restB = nameB.slice(stem.length).replace(/^[\s\-_·:(]+|\)$/g, '');
  const readsAsSides =
    stem.length >= 2 &&
    restA.length > 0 &&
    restB.length > 0 &&
    restA.length <= longestSideSuffix &&
    restB.length <= longestSideSuffix &&
    // The stem must end where a word ends in both names ("Synth A", not "SynthA" vs "SynthB"…).
    /^[\s\-_·:(]/.test(nameA.slice(stem.length)) &&
    /^[\s\-_·:(]/.test(nameB.slice(stem.length));
  return readsAsSides ? stem : `A ${nameA} ↔ B ${nameB}`;
}
