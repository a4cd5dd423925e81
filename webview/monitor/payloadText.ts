// The payload of a multi-packet message for the detail pane, joined from what the decoder reads
// out of each packet: SysEx7/SysEx8 and Mixed Data Set payload "Data" bytes, Flex Data "Text",
// UMP Stream "Name Part".
import { decodeUmp, type UmpField } from '../../src/ump';
import type { PacketRecord } from '../../src/views/monitor/rowsBlock';

export interface Payload {
  label: string;
  text: string;
}

function fieldValue(packet: PacketRecord, fieldName: string): UmpField['value'] | undefined {
  return decodeUmp(packet.words, 0).fields.find((candidate) => candidate.name === fieldName)?.value;
}

function partsNamed(packets: readonly PacketRecord[], fieldName: string): string[] {
  const parts: string[] = [];
  for (const packet of packets) {
    const value = fieldValue(packet, fieldName);
    if (typeof value === 'string') parts.push(value);
  }
  return parts;
}

/** A Mixed Data Set header's count of its chunk's bytes (the last payload is padded past it). */
function chunkByteCount(packets: readonly PacketRecord[]): number | undefined {
  const value = fieldValue(packets[0], 'Number of Valid Bytes in This Chunk');
  return typeof value === 'number' ? value : undefined;
}

/** The reassembled bytes or text, or undefined when the packets carry neither. */
export function reassembledPayload(packets: readonly PacketRecord[]): Payload | undefined {
  const data = partsNamed(packets, 'Data').filter((part) => part !== '');
  if (data.length > 0) {
    const bytes = data.join(' ').split(' ').slice(0, chunkByteCount(packets));
    return { label: `Data (${bytes.length} bytes)`, text: bytes.join(' ') };
  }
  const text = [...partsNamed(packets, 'Text'), ...partsNamed(packets, 'Name Part')].join('');
  return text === '' ? undefined : { label: 'Text', text: JSON.stringify(text) };
}
