// The text a monitor search matches against: a row's friendly name, its short fields, its hex
// words and its endpoint's name, lower-cased. Decoding happens only here, for rows that passed
// the cheaper filters.
import { decodeUmp, formatUmpHex } from '../../ump';
import type { RowSubject } from './rowFilter';

export function rowSearchText(row: RowSubject, endpointNames: readonly string[]): string {
  const decoded = decodeUmp(row.words, row.offset);
  const hex = formatUmpHex(row.words.subarray(row.offset, row.offset + decoded.wordCount));
  return `${decoded.name}\n${decoded.summary}\n${hex}\n${endpointNames[row.endpointIndex] ?? ''}`.toLowerCase();
}
