// The problems a captured message has because of what came before it on its endpoint's stream
// (SysEx and text order, Mixed Data Set chunks against their header, NOOP floods, timestamps
// and JR Clock going back): one UmpStreamChecker per endpoint, fed every packet in arrival order.
// Per capture slot, a bit per stream problem code says which the packet has (for packets whose
// sentences are no longer kept); the problems with their sentences are kept for the packets still in the
// capture, up to `maxKeptPackets` of them, newest kept; older ones are told from their bits.
import { UMP_PROBLEM_CODES, UmpStreamChecker, type UmpProblem, type UmpProblemCode } from '../../ump';

/** The codes only a stream can have, one bit each in a slot's code bits. */
const streamCodes: readonly UmpProblemCode[] = [
  'sysExStartedTwice',
  'sysExWithoutStart',
  'sysExInterleaved',
  'mdsPayloadWithoutHeader',
  'mdsPayloadCountMismatch',
  'mdsCountIncludesHeader',
  'textWithoutStart',
  'textCutShort',
  'noopFlood',
  'timestampBackwards',
  'jrClockOutOfOrder',
];
const codeBit = new Map(streamCodes.map((code, i) => [code, 1 << i]));

/** Packets whose stream problems are kept in full; older ones keep only their slot flag. */
export const maxKeptPackets = 65_536;

export class StreamProblemLog {
  private readonly checkers = new Map<number, UmpStreamChecker>();
  /** Per capture slot: the bits of the stream codes its packet has (0: none). */
  private readonly codeBits: Uint16Array;
  /** Stream problems by packet sequence number, oldest first (Map keeps insertion order). */
  private readonly kept = new Map<number, UmpProblem[]>();

  constructor(private readonly capacity: number) {
    this.codeBits = new Uint16Array(capacity);
  }

  get allocatedBytes(): number {
    return this.codeBits.byteLength;
  }

  /**
   * Checks packet `seq` (its words at `words[offset]`) in its endpoint's stream; true when it
   * has stream problems. `firstSeq` is the oldest packet still in the capture.
   */
  record(
    words: ArrayLike<number>,
    offset: number,
    timestamp: number,
    endpointIndex: number,
    seq: number,
    firstSeq: number,
  ): boolean {
    let checker = this.checkers.get(endpointIndex);
    if (checker === undefined) {
      checker = new UmpStreamChecker();
      this.checkers.set(endpointIndex, checker);
    }
    const problems = checker.checkInStream(words, offset, timestamp);
    let bits = 0;
    for (const problem of problems) bits |= codeBit.get(problem.code) ?? 0;
    this.codeBits[seq % this.capacity] = bits;
    if (problems.length > 0) this.kept.set(seq, problems);
    this.forgetBefore(firstSeq);
    return problems.length > 0;
  }

  /**
   * The stream problems of packet `seq` (still in the capture); undefined when it has none.
   * Beyond the kept ones, each code is told by its title, saying that its sentence was not kept.
   */
  problemsOf(seq: number): UmpProblem[] | undefined {
    const problems = this.kept.get(seq);
    if (problems !== undefined) return problems;
    const bits = this.codeBits[seq % this.capacity];
    if (bits === 0) return undefined;
    return streamCodes
      .filter((code) => (bits & (codeBit.get(code) ?? 0)) !== 0)
      .map((code) => ({
        code,
        severity: UMP_PROBLEM_CODES[code].severity,
        text: [
          `${UMP_PROBLEM_CODES[code].title} (the details of only the newest ${maxKeptPackets.toLocaleString('en-US')} such packets are kept)`,
        ],
        word: 0,
        highBit: 31,
        lowBit: 0,
      }));
  }

  clear(): void {
    this.checkers.clear();
    this.codeBits.fill(0);
    this.kept.clear();
  }

  private forgetBefore(firstSeq: number): void {
    for (const seq of this.kept.keys()) {
      if (seq >= firstSeq && this.kept.size <= maxKeptPackets) break;
      this.kept.delete(seq);
    }
  }
}
