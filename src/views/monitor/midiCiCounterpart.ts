// The monitor's MIDI-CI links, on the host (which holds the capture): from a request's row to the
// first reply after it, from a reply's row to the last request before it that it answers (kinds,
// both MUIDs, request id: src/midici/midiCiLink). Only rows in the current view are candidates, so
// the webview can go to what it finds. Rows are read one by one without decoding anything but
// SysEx7 that starts as MIDI-CI.
import { isMidiCi, isMidiCiReplyTo, midiCiRole, parseMidiCi, type MidiCiMessage } from '../../midici';
import type { Capture } from './capture';

/** Longest message read (packets); a MIDI-CI message is far shorter. */
const maxPacketsPerMessage = 4096;
/** How many rows a search looks through before it gives up (and says so). */
export const maxRowsSearched = 200_000;

export type MidiCiCounterpart = { found: true; viewIndex: number } | { found: false; reason: string };

/** The SysEx7 bytes of a row that starts as a MIDI-CI message, or undefined. */
function midiCiBytes(capture: Capture, rowId: number, firstPacketOnly: boolean): number[] | undefined {
  const { ring, rows } = capture;
  const bytes: number[] = [];
  for (const seq of rows.packetSeqs(rowId, firstPacketOnly ? 1 : maxPacketsPerMessage)) {
    const at = ring.wordOffset(seq);
    const w0 = ring.wordsArray[at] >>> 0;
    const w1 = ring.wordsArray[at + 1] >>> 0;
    if (w0 >>> 28 !== 0x3) return undefined;
    const count = Math.min((w0 >>> 16) & 0xf, 6);
    const all = [(w0 >>> 8) & 0xff, w0 & 0xff, w1 >>> 24, (w1 >>> 16) & 0xff, (w1 >>> 8) & 0xff, w1 & 0xff];
    bytes.push(...all.slice(0, count));
    if (bytes.length >= 4 && !isMidiCi(bytes)) return undefined;
  }
  return bytes.length >= 4 ? bytes : undefined;
}

function messageAt(capture: Capture, viewIndex: number): MidiCiMessage | undefined {
  const rowId = capture.view.rowIdAt(viewIndex);
  if (!capture.rows.has(rowId)) return undefined;
  // The first packet says whether it is MIDI-CI at all: only those are read whole.
  if (midiCiBytes(capture, rowId, true) === undefined) return undefined;
  const bytes = midiCiBytes(capture, rowId, false);
  return bytes === undefined ? undefined : parseMidiCi(bytes).message;
}

/** The row that answers (or was answered by) the MIDI-CI message at `viewIndex`, in the current view. */
export function findMidiCiCounterpart(capture: Capture, viewIndex: number): MidiCiCounterpart {
  const { view } = capture;
  if (viewIndex < view.start || viewIndex >= view.end)
    return { found: false, reason: 'the row left the capture' };
  const message = messageAt(capture, viewIndex);
  const role = message && midiCiRole(message);
  if (message === undefined || role === undefined) {
    return { found: false, reason: 'this row is not a MIDI-CI request or reply' };
  }
  const step = role === 'request' ? 1 : -1;
  const last =
    role === 'request'
      ? Math.min(view.end - 1, viewIndex + maxRowsSearched)
      : Math.max(view.start, viewIndex - maxRowsSearched);
  for (let index = viewIndex + step; step > 0 ? index <= last : index >= last; index += step) {
    const other = messageAt(capture, index);
    if (other === undefined) continue;
    if (role === 'request' ? isMidiCiReplyTo(other, message) : isMidiCiReplyTo(message, other)) {
      return { found: true, viewIndex: index };
    }
  }
  const where = role === 'request' ? 'after it' : 'before it';
  const searched = Math.abs(last - viewIndex);
  return {
    found: false,
    reason: `no ${role === 'request' ? 'reply' : 'request'} ${where} in this view (${searched} row(s) searched${searched >= maxRowsSearched ? ', the most a search looks through' : ''})`,
  };
}
