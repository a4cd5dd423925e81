// Turns a FilterSpec into a predicate over captured rows. Cheap tests (endpoint, type, group,
// channel: bits of the first word) run first, then "problems only" (a flag the capture recorded on
// append, or the conformance checker); the text search, which needs the decoded message, only runs
// on rows that passed them.
import type { FilterSpec } from './protocol';
import { channelOf, groupOf, hasUmpProblems, messageTypeOf } from '../../ump';

/** What a predicate sees of a row: its first packet and where it came from. */
export interface RowSubject {
  words: Uint32Array;
  /** Offset of the first packet's first word in `words`. */
  offset: number;
  endpointIndex: number;
}

export type RowPredicate = (row: RowSubject) => boolean;

/** Searchable text of a row (name, fields, hex, endpoint…), lower-cased by the caller's choice. */
export type RowText = (row: RowSubject) => string;

export function isEmptyFilter(spec: FilterSpec): boolean {
  return (
    spec.endpoints.length === 0 &&
    spec.groups.length === 0 &&
    spec.channels.length === 0 &&
    spec.messageTypes.length === 0 &&
    spec.text.trim() === '' &&
    spec.problemsOnly !== true
  );
}

/** A lookup table of allowed small integers, or undefined for "any". */
function allowed(values: readonly number[], size: number): Uint8Array | undefined {
  if (values.length === 0) return undefined;
  const table = new Uint8Array(size);
  for (const value of values) table[value] = 1;
  return table;
}

/**
 * The predicate for `spec`. `textOf` is only called for the text search; it must return the
 * row's searchable text in lower case. `hasProblems` says whether the row's first packet has
 * problems, its own or in its stream (the capture records that as packets arrive, so "problems
 * only" does not check a million messages again); without it the checker reads the first packet
 * (its own problems only). Rows without a group or channel never match a group or channel filter.
 */
export function compileRowFilter(
  spec: FilterSpec,
  textOf: RowText,
  hasProblems: (row: RowSubject) => boolean = (row) => hasUmpProblems(row.words, row.offset),
): RowPredicate {
  const endpoints = allowed(spec.endpoints, 256);
  const messageTypes = allowed(spec.messageTypes, 16);
  const groups = allowed(spec.groups, 16);
  const channels = allowed(spec.channels, 16);
  const needle = spec.text.trim().toLowerCase();
  const problemsOnly = spec.problemsOnly === true;
  return (row) => {
    const word0 = row.words[row.offset];
    if (endpoints && endpoints[row.endpointIndex] !== 1) return false;
    if (messageTypes && messageTypes[messageTypeOf(word0)] !== 1) return false;
    if (groups) {
      const group = groupOf(word0);
      if (group === undefined || groups[group] !== 1) return false;
    }
    if (channels) {
      const channel = channelOf(word0);
      if (channel === undefined || channels[channel] !== 1) return false;
    }
    // After the address tests, before the text.
    if (problemsOnly && !hasProblems(row)) return false;
    return needle === '' || textOf(row).includes(needle);
  };
}
