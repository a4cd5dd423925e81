// The multi-packet messages a test can send and expect, judged on the reassembled message:
// SysEx7, SysEx8, Mixed Data Set chunks and MIDI-CI (SysEx7 with the Universal SysEx header).
import { broadcastMuid, ciHasRequestId, ciKind, ciVersion } from './ciMessages';

export interface ByteFormField {
  name: string;
  max: number;
  /** Value when a send leaves the field out; without one the field is required. */
  defaultValue?: number;
}

export interface ByteForm {
  /** `sysex`, `sysex8`, `mds`, or `ci <kind>`. */
  name: string;
  family: 'sysex7' | 'sysex8' | 'mds' | 'ci';
  fields: ByteFormField[];
  /** Largest data byte (SysEx7 and MIDI-CI are 7-bit). */
  byteMax: number;
  /** MIDI-CI only. */
  subId2?: number;
}

const group: ByteFormField = { name: 'group', max: 15, defaultValue: 0 };
const sixteen = (name: string): ByteFormField => ({ name, max: 0xffff, defaultValue: 0 });

export const sysEx7Form: ByteForm = { name: 'sysex', family: 'sysex7', fields: [group], byteMax: 0x7f };
export const sysEx8Form: ByteForm = {
  name: 'sysex8',
  family: 'sysex8',
  fields: [group, { name: 'stream', max: 0xff, defaultValue: 0 }],
  byteMax: 0xff,
};
export const mixedDataSetForm: ByteForm = {
  name: 'mds',
  family: 'mds',
  fields: [
    group,
    { name: 'id', max: 15, defaultValue: 0 },
    sixteen('manufacturer'),
    sixteen('device'),
    sixteen('sub1'),
    sixteen('sub2'),
  ],
  byteMax: 0xff,
};

export function ciForm(kindName: string): ByteForm | undefined {
  const subId2 = ciKind(kindName);
  if (subId2 === undefined) return undefined;
  const fields: ByteFormField[] = [
    group,
    { name: 'device', max: 0x7f, defaultValue: 0x7f },
    { name: 'version', max: 0x7f, defaultValue: ciVersion },
    { name: 'source', max: 0x0fffffff },
    { name: 'destination', max: 0x0fffffff, defaultValue: broadcastMuid },
  ];
  if (ciHasRequestId(subId2)) fields.push({ name: 'request', max: 0x7f });
  return { name: `ci ${kindName}`, family: 'ci', fields, byteMax: 0x7f, subId2 };
}

export function byteForm(name: string): ByteForm | undefined {
  if (name === 'sysex' || name === 'sysex7') return sysEx7Form;
  if (name === 'sysex8') return sysEx8Form;
  if (name === 'mds') return mixedDataSetForm;
  if (name.startsWith('ci ')) return ciForm(name.slice(3));
  return undefined;
}
