// Problems a packet has in its stream come from the host (it saw every packet in order); the
// per-message ones are decoded here. These helpers put the host's beside the records and merge both.
import type { UmpProblem } from '../../src/ump';
import type { StreamProblemsEntry } from '../../src/views/monitor/protocol';

/** Sets `streamProblems` on the records the block's entries name. */
export function attachStreamProblems(
  records: ReadonlyArray<{ streamProblems?: UmpProblem[] }>,
  entries: readonly StreamProblemsEntry[] | undefined,
): void {
  for (const entry of entries ?? []) {
    const record = records[entry.index];
    if (record !== undefined) record.streamProblems = entry.problems;
  }
}

/** A packet's own problems followed by its stream problems; undefined when it has neither. */
export function withStreamProblems(
  own: readonly UmpProblem[] | undefined,
  inStream: readonly UmpProblem[] | undefined,
): readonly UmpProblem[] | undefined {
  if (inStream === undefined || inStream.length === 0) return own;
  return own === undefined || own.length === 0 ? inStream : [...own, ...inStream];
}
