// Stream problem vectors: a short stream whose last message has the problem, and the same
// stream made right.
import type { UmpProblemCode } from '../../../../src/ump';

export interface StreamVector {
  what: string;
  messages: number[][];
  timestamps?: number[];
  code: UmpProblemCode;
  clean: number[][];
  cleanTimestamps?: number[];
}

export const sysEx7 = (form: number, group = 0): number[] => [
  (0x30000000 | (group << 24) | (form << 20) | 0x00010000 | 0x0100) >>> 0,
  0,
];
export const sysEx8 = (form: number, stream: number, group = 0): number[] => [
  (0x50000000 | (group << 24) | (form << 20) | 0x00010000 | (stream << 8)) >>> 0,
  0,
  0,
  0,
];
const mdsHeader = (bytes: number): number[] => [(0x50800000 | bytes) >>> 0, 0x00010001, 0, 0];
const mdsPayload = [0x50900000, 0, 0, 0];
const flexText = (form: number): number[] => [
  (0xd0000000 | (form << 22) | 0x00100101) >>> 0,
  0x41424344,
  0,
  0,
];
const endpointName = (form: number): number[] => [(0xf0000000 | (form << 26) | 0x00034142) >>> 0, 0, 0, 0];
export const noops = (count: number): number[][] => Array.from({ length: count }, () => [0x00000000]);

export const streamVectors: StreamVector[] = [
  {
    what: 'SysEx7 Start twice on group 0',
    messages: [sysEx7(1), sysEx7(1)],
    code: 'sysExStartedTwice',
    clean: [sysEx7(1), sysEx7(3)],
  },
  {
    what: 'SysEx7 Complete inside an open SysEx7',
    messages: [sysEx7(1), sysEx7(0)],
    code: 'sysExStartedTwice',
    clean: [sysEx7(1), sysEx7(3), sysEx7(0)],
  },
  {
    what: 'SysEx8 Start twice on one stream id',
    messages: [sysEx8(1, 5), sysEx8(1, 5)],
    code: 'sysExStartedTwice',
    clean: [sysEx8(1, 5), sysEx8(1, 6)],
  },
  {
    what: 'SysEx7 Continue without Start',
    messages: [sysEx7(2)],
    code: 'sysExWithoutStart',
    clean: [sysEx7(1), sysEx7(2)],
  },
  {
    what: 'SysEx7 End on another group than its Start',
    messages: [sysEx7(1, 0), sysEx7(3, 1)],
    code: 'sysExWithoutStart',
    clean: [sysEx7(1, 1), sysEx7(3, 1)],
  },
  {
    what: 'SysEx8 End without Start',
    messages: [sysEx8(3, 2)],
    code: 'sysExWithoutStart',
    clean: [sysEx8(1, 2), sysEx8(3, 2)],
  },
  {
    what: 'SysEx8 inside an open SysEx7 on group 0',
    messages: [sysEx7(1), sysEx8(0, 0)],
    code: 'sysExInterleaved',
    clean: [sysEx7(1), sysEx8(0, 0, 1)],
  },
  {
    what: 'Mixed Data Set payload with no header',
    messages: [mdsPayload],
    code: 'mdsPayloadWithoutHeader',
    clean: [mdsHeader(14), mdsPayload],
  },
  {
    what: 'Mixed Data Set payload beyond the count',
    messages: [mdsHeader(14), mdsPayload, mdsPayload],
    code: 'mdsPayloadWithoutHeader',
    clean: [mdsHeader(28), mdsPayload, mdsPayload],
  },
  {
    what: 'Mixed Data Set header before its 3 payloads (1 came)',
    messages: [mdsHeader(40), mdsPayload, mdsHeader(0)],
    code: 'mdsPayloadCountMismatch',
    clean: [mdsHeader(40), mdsPayload, mdsPayload, mdsPayload, mdsHeader(0)],
  },
  {
    what: 'Mixed Data Set count 22 with 1 payload (header-inclusive reading)',
    messages: [mdsHeader(22), mdsPayload, mdsHeader(0)],
    code: 'mdsCountIncludesHeader',
    clean: [mdsHeader(22), mdsPayload, mdsPayload, mdsHeader(0)],
  },
  {
    what: 'Flex Data text Continue without Start',
    messages: [flexText(2)],
    code: 'textWithoutStart',
    clean: [flexText(1), flexText(2)],
  },
  {
    what: 'Endpoint Name End without Start',
    messages: [endpointName(3)],
    code: 'textWithoutStart',
    clean: [endpointName(1), endpointName(3)],
  },
  {
    what: 'Flex Data text Start while one is open',
    messages: [flexText(1), flexText(1)],
    code: 'textCutShort',
    clean: [flexText(1), flexText(3), flexText(1)],
  },
  {
    what: 'Endpoint Name Complete while one is open',
    messages: [endpointName(1), endpointName(0)],
    code: 'textCutShort',
    clean: [endpointName(1), endpointName(3), endpointName(0)],
  },
  {
    what: '64 NOOPs in a row',
    messages: noops(64),
    code: 'noopFlood',
    clean: [...noops(63), [0x00100001], ...noops(1)],
  },
  {
    what: 'arrival timestamps going back',
    messages: [[0x20903c64], [0x20803c00]],
    timestamps: [2000, 1000],
    code: 'timestampBackwards',
    clean: [[0x20903c64], [0x20803c00]],
    cleanTimestamps: [1000, 1000],
  },
  {
    what: 'JR Timestamp going back',
    messages: [[0x00200200], [0x00200100]],
    code: 'timestampBackwards',
    clean: [[0x00200100], [0x00200200]],
  },
  {
    what: 'JR Timestamp wrapping forward is fine, back across the wrap is not',
    messages: [[0x00200010], [0x0020fff0]],
    code: 'timestampBackwards',
    clean: [[0x0020fff0], [0x00200010]],
  },
  {
    what: 'JR Clock going back',
    messages: [[0x00101000], [0x00100800]],
    code: 'jrClockOutOfOrder',
    clean: [[0x00100800], [0x00101000]],
  },
];
