// The monitor's columns, in display order: header text, the cell each row fills in, and how wide
// each is by default. Widths are in characters of the editor font (the grid's font), so that what
// matters fits whatever the font size: every word of a 128-bit message, the endpoint's name, Δ.
import type { ColumnKey } from '../../src/views/monitor/protocol';

export type RowCells = Record<ColumnKey, string> & {
  /** Not a column: the problem badge on the name cell ("" when clean). */
  problems?: string;
};

export interface Column {
  key: ColumnKey;
  header: string;
  /** Screen-reader name of the header when the visible text is an abbreviation. */
  description: string;
  /**
   * Default width in characters; 'endpoint' is sized to the longest endpoint name and 'time' to
   * the time display. Columns without it share what is left (`share`, at least `minCh`).
   */
  widthCh?: number;
  /** Pixels on top of widthCh (the seq cell's expand chevron). */
  extraPx?: number;
  share?: number;
  minCh?: number;
}

/** Four words of eight hex digits with a space between: a 128-bit message. */
export const hexWidthCh = 4 * 8 + 3;

export const columns: readonly Column[] = [
  { key: 'seq', header: '#', description: 'Sequence number', widthCh: 7, extraPx: 16 },
  { key: 'time', header: 'Time', description: 'Time', widthCh: 11 },
  { key: 'delta', header: 'Δ', description: 'Time since the previous row', widthCh: 11 },
  { key: 'endpoint', header: 'Endpoint', description: 'Endpoint', widthCh: 12 },
  { key: 'group', header: 'Grp', description: 'Group', widthCh: 4 },
  { key: 'channel', header: 'Ch', description: 'Channel', widthCh: 3 },
  { key: 'type', header: 'MT', description: 'Message type', widthCh: 3 },
  { key: 'name', header: 'Message', description: 'Message name', share: 1, minCh: 8 },
  { key: 'hex', header: 'Hex', description: 'Raw words', widthCh: hexWidthCh },
  { key: 'fields', header: 'Fields', description: 'Decoded fields', share: 2, minCh: 10 },
];
