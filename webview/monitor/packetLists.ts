// The packets of multi-packet rows (SysEx, long texts), fetched from the host when a row is
// expanded or selected, and kept for a while. Requests for the same row share one fetch; a
// reset throws away answers that arrive afterwards.
import { attachStreamProblems } from './streamProblems';
import type { PacketsBlock } from '../../src/views/monitor/protocol';
import {
  readPacketsBlock,
  rowFlagOpen,
  type PacketRecord,
  type RowRecord,
} from '../../src/views/monitor/rowsBlock';

/** Packet lists kept beyond the ones on screen. */
const maxCachedLists = 64;

export interface PacketList {
  packets: PacketRecord[];
  /** The row has more packets than the host sent. */
  truncated: boolean;
  /** The message's end had not arrived when the packets were fetched: they may grow. */
  incomplete: boolean;
}

/** Fetches the packets of the row at `viewIndex`; undefined when it is gone or the view changed. */
export type FetchPackets = (viewIndex: number) => Promise<PacketsBlock | undefined>;

export class PacketLists {
  private readonly lists = new Map<number, PacketList>();
  private readonly requests = new Map<number, Promise<PacketList | undefined>>();
  private epoch = 0;

  constructor(
    private readonly fetchPackets: FetchPackets,
    /** Lists of rows that must stay (expanded rows) are never dropped to make room. */
    private readonly mustKeep: (viewIndex: number) => boolean,
  ) {}

  get(viewIndex: number): PacketList | undefined {
    return this.lists.get(viewIndex);
  }

  /** The packets of `row` (at `viewIndex`), from the cache or the host. */
  load(viewIndex: number, row: RowRecord | undefined): Promise<PacketList | undefined> {
    const cached = this.lists.get(viewIndex);
    if (cached) return Promise.resolve(cached);
    let request = this.requests.get(viewIndex);
    if (!request) {
      const epoch = this.epoch;
      request = this.fetchPackets(viewIndex).then((block) => {
        if (epoch !== this.epoch) return undefined;
        this.requests.delete(viewIndex);
        if (!block) return undefined;
        const packets = readPacketsBlock(block.data, block.count);
        attachStreamProblems(packets, block.streamProblems);
        const list: PacketList = {
          packets,
          truncated: row !== undefined && row.packetCount > packets.length,
          incomplete: row !== undefined && (row.flags & rowFlagOpen) !== 0,
        };
        this.remember(viewIndex, list);
        return list;
      });
      this.requests.set(viewIndex, request);
    }
    return request;
  }

  /** Forgets incomplete lists (their messages may have grown); returns the rows they belonged to. */
  dropIncomplete(): number[] {
    const dropped: number[] = [];
    for (const [viewIndex, list] of this.lists) {
      if (!list.incomplete) continue;
      this.lists.delete(viewIndex);
      dropped.push(viewIndex);
    }
    return dropped;
  }

  /** Forgets the lists of rows evicted from the view. */
  dropBefore(start: number): void {
    for (const viewIndex of this.lists.keys()) if (viewIndex < start) this.lists.delete(viewIndex);
  }

  reset(): void {
    this.lists.clear();
    this.requests.clear();
    this.epoch++;
  }

  private remember(viewIndex: number, list: PacketList): void {
    this.lists.set(viewIndex, list);
    if (this.lists.size <= maxCachedLists) return;
    for (const candidate of this.lists.keys()) {
      if (!this.mustKeep(candidate)) {
        this.lists.delete(candidate);
        return;
      }
    }
  }
}
