// The shape every decoded message takes, whatever its type: enough for a monitor row (name,
// summary), a details pane (fields) and filters (group, channel, status).
import type { UmpProblem } from './check/problem';
import type { NumberedText } from './numbering';

export interface UmpField {
  /** The field's name as the spec calls it, e.g. "Note Number", "Velocity". */
  name: string;
  /** In natural units: numbers as numbers, flags as booleans, text and byte runs as strings. */
  value: number | string | boolean;
  /** The value as a person reads it, e.g. "60 (C4)", "0x8000 (50.0%)". */
  display: string;
  unit?: string;
}

export interface DecodedUmp {
  messageType: number;
  /** The size of the message (from its type), whether or not that many words were there. */
  wordCount: number;
  group?: number;
  channel?: number;
  /**
   * The status or opcode as the spec defines it for the type: the nibble for Utility, MIDI 1.0
   * and 2.0 channel voice, Data 64 and Data 128; the status byte (0xF8…) for System; the 10-bit
   * status for UMP Stream; for Flex Data (status bank << 8) | status. 0 for reserved types.
   */
  status: number;
  /** Friendly name, e.g. "Note On", "SysEx7 Start", "Set Tempo", "Endpoint Name Notification". */
  name: string;
  fields: UmpField[];
  /**
   * One short line of the key fields, e.g. "note 60 vel 100"; group and channel numbers in it as
   * in the message (0-based). Shown to people through summaryUnder (numbering.ts).
   */
  summary: string;
  /** The summary with its group numbers as marks, when it has any (Function Block Info). */
  numberedSummary?: NumberedText;
  /** A reserved message type or status: decoded with its size, never an error. */
  reserved?: boolean;
  /**
   * Fewer words were given than the message type needs (or none at all). Then `name`, `status`,
   * `group` and `channel` come from the first word alone, and `fields` only say how many words
   * there were; nothing is read from words that are missing.
   */
  incomplete?: boolean;
  /**
   * What the conformance checker found wrong with the message on its own (src/ump/check); absent
   * when nothing. Fields still show what was read (a 7-bit field shows its low 7 bits).
   */
  problems?: readonly UmpProblem[];
}
