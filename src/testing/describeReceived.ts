// One line per message for test output and failure reports: hex, decoded name and key fields.
import { decodeUmp, formatBytes, formatWord } from '../ump';
import { ciKindName, parseCiBody } from './ciMessages';
import type { ReceivedItem } from './received';

export function describeWords(words: ArrayLike<number>): string {
  const decoded = decodeUmp(words);
  const hex = Array.from(words, (word) => formatWord(word).replace(/^0x/, '')).join(' ');
  const where =
    decoded.group === undefined
      ? ''
      : ` group ${decoded.group}${decoded.channel === undefined ? '' : ` channel ${decoded.channel}`}`;
  return `${hex}  ${decoded.name}${where}${decoded.summary ? `: ${decoded.summary}` : ''}`;
}

function shortBytes(bytes: Uint8Array): string {
  const shown = formatBytes(bytes.subarray(0, 24));
  return bytes.length > 24 ? `${shown} … (${bytes.length} bytes)` : shown;
}

export function describeItem(item: ReceivedItem): string {
  switch (item.kind) {
    case 'packet':
      return describeWords(item.words);
    case 'sysex7': {
      const ci = parseCiBody(item.bytes);
      if (ci) {
        const request = ci.requestId === undefined ? '' : ` request ${ci.requestId}`;
        return `MIDI-CI ${ciKindName(ci.subId2)} group ${item.group} source 0x${ci.source.toString(16)} destination 0x${ci.destination.toString(16)}${request} (${item.packetCount} packets)`;
      }
      return `SysEx7 group ${item.group}: ${shortBytes(item.bytes)} (${item.packetCount} packets)`;
    }
    case 'sysex8':
      return `SysEx8 group ${item.group} stream ${item.stream}: ${shortBytes(item.bytes)} (${item.packetCount} packets)`;
    case 'mds':
      return `Mixed Data Set chunk group ${item.group} id ${item.id} manufacturer 0x${item.manufacturer.toString(16)}: ${shortBytes(item.bytes)}`;
  }
}
