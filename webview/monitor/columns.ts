// The monitor's columns, in display order: header text, the cell each row fills in, and the
// CSS class that sizes it.

export interface RowCells {
  seq: string;
  time: string;
  delta: string;
  endpoint: string;
  group: string;
  channel: string;
  type: string;
  name: string;
  fields: string;
  hex: string;
  /** Not a column: the problem badge on the name cell ("" when clean). */
  problems?: string;
}

export interface Column {
  key: keyof RowCells;
  header: string;
  /** Screen-reader name of the header when the visible text is an abbreviation. */
  description: string;
}

export const columns: readonly Column[] = [
  { key: 'seq', header: '#', description: 'Sequence number' },
  { key: 'time', header: 'Time (s)', description: 'Timestamp in seconds' },
  { key: 'delta', header: 'Δ', description: 'Time since the previous row' },
  { key: 'endpoint', header: 'Endpoint', description: 'Endpoint' },
  { key: 'group', header: 'Grp', description: 'Group' },
  { key: 'channel', header: 'Ch', description: 'Channel' },
  { key: 'type', header: 'Type', description: 'Message type' },
  { key: 'name', header: 'Message', description: 'Message name' },
  { key: 'fields', header: 'Fields', description: 'Decoded fields' },
  { key: 'hex', header: 'Hex', description: 'Raw words' },
];
