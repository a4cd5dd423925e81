// Message type 0x0, Utility (32-bit, groupless since UMP v1.1): NOOP, the jitter-reduction clock
// and timestamp (16-bit times in ticks of 1/31250 s = 32 µs), and the delta clockstamps.
import type { DecodedUmp } from '../decodedUmp';
import { hex } from '../hex';
import { hexField, numberField } from './fields';
import { decodedMessage } from './message';

/** One JR tick is 1/31250 s. */
export const MICROSECONDS_PER_JR_TICK = 32;

export function decodeUtility(w0: number): DecodedUmp {
  const status = (w0 >>> 20) & 0xf;
  switch (status) {
    case 0x0:
      return decodedMessage(w0, status, 'NOOP', [], '');
    case 0x1:
    case 0x2: {
      const ticks = w0 & 0xffff;
      const us = ticks * MICROSECONDS_PER_JR_TICK;
      const fieldName = status === 0x1 ? 'Sender Clock Time' : 'Sender Clock Timestamp';
      return decodedMessage(
        w0,
        status,
        status === 0x1 ? 'JR Clock' : 'JR Timestamp',
        [numberField(fieldName, ticks, 'ticks'), numberField('Time', us, 'µs')],
        `${ticks} ticks (${us} µs)`,
      );
    }
    case 0x3: {
      const ticks = w0 & 0xffff;
      return decodedMessage(
        w0,
        status,
        'Delta Clockstamp Ticks Per Quarter Note',
        [numberField('Ticks Per Quarter Note', ticks, 'ticks')],
        `${ticks} ticks per quarter note`,
      );
    }
    case 0x4: {
      const ticks = w0 & 0xfffff;
      return decodedMessage(
        w0,
        status,
        'Delta Clockstamp',
        [numberField('Ticks Since Last Event', ticks, 'ticks')],
        `+${ticks} ticks`,
      );
    }
    default:
      return decodedMessage(
        w0,
        status,
        'Reserved Utility Status',
        [hexField('Status', status, 1)],
        hex(status, 1),
        {
          reserved: true,
        },
      );
  }
}
