// The payload of a multi-packet message for the detail pane, joined from what the decoder reads
// out of each packet: SysEx7/SysEx8 "Data" bytes, Flex Data "Text", UMP Stream "Name Part".
import { decodeUmp } from '../../src/ump';
import type { PacketRecord } from '../../src/views/monitor/rowsBlock';

export interface Payload {
  label: string;
  text: string;
}

function partsNamed(packets: readonly PacketRecord[], fieldName: string): string[] {
  const parts: string[] = [];
  for (const packet of packets) {
    const field = decodeUmp(packet.words, 0).fields.find((candidate) => candidate.name === fieldName);
    if (field && typeof field.value === 'string') parts.push(field.value);
  }
  return parts;
}

/** The reassembled bytes or text, or undefined when the packets carry neither. */
export function reassembledPayload(packets: readonly PacketRecord[]): Payload | undefined {
  const data = partsNamed(packets, 'Data').filter((part) => part !== '');
  if (data.length > 0) {
    const bytes = data.join(' ');
    return { label: `Data (${bytes.split(' ').length} bytes)`, text: bytes };
  }
  const text = [...partsNamed(packets, 'Text'), ...partsNamed(packets, 'Name Part')].join('');
  return text === '' ? undefined : { label: 'Text', text: JSON.stringify(text) };
}
