// Utility (type 0x0, groupless since v1.1) and System Common / Real Time (type 0x1) messages.
import { reservedBits, sevenBitField } from './fieldChecks';
import { fieldHex, pushProblem, type UmpProblem } from './problem';

export function checkUtility(into: UmpProblem[], w0: number): void {
  const status = (w0 >>> 20) & 0xf;
  reservedBits(into, w0, 0, 27, 24, 'Utility messages have no group since UMP 1.1');
  switch (status) {
    case 0x0:
      reservedBits(into, w0, 0, 19, 0, 'NOOP');
      return;
    case 0x1:
    case 0x2:
    case 0x3:
      reservedBits(into, w0, 0, 19, 16, status === 0x3 ? 'Delta Clockstamp Ticks Per Quarter Note' : 'JR');
      return;
    case 0x4:
      return;
    default:
      pushProblem(into, 'reservedStatus', 0, 23, 20, `Utility status ${fieldHex(status, 4)} is reserved`);
  }
}

const noDataStatuses = new Set([0xf6, 0xf8, 0xfa, 0xfb, 0xfc, 0xfe, 0xff]);

export function checkSystem(into: UmpProblem[], w0: number): void {
  const status = (w0 >>> 16) & 0xff;
  switch (status) {
    case 0xf1:
      sevenBitField(into, w0, 0, 15, 'MIDI Time Code data');
      reservedBits(into, w0, 0, 7, 0, 'MIDI Time Code Quarter Frame');
      return;
    case 0xf2:
      sevenBitField(into, w0, 0, 15, 'Song Position LSB');
      sevenBitField(into, w0, 0, 7, 'Song Position MSB');
      return;
    case 0xf3:
      sevenBitField(into, w0, 0, 15, 'Song Number');
      reservedBits(into, w0, 0, 7, 0, 'Song Select');
      return;
    default:
      if (noDataStatuses.has(status)) {
        reservedBits(into, w0, 0, 15, 0, `system message ${fieldHex(status, 8)} carries no data`);
        return;
      }
      pushProblem(
        into,
        'reservedStatus',
        0,
        23,
        16,
        status === 0xf0 || status === 0xf7
          ? `status ${fieldHex(status, 8)} does not travel in type 0x1: SysEx uses type 0x3`
          : `System status ${fieldHex(status, 8)} is reserved or undefined`,
      );
  }
}
