// The realistic pure-JS scheduler: a priority queue of due times driving one timer, re-armed to
// the earliest item whenever that changes, as an extension without a native engine would write
// it (a million distinct setTimeout durations is Node's known worst case; this is not that).
// On each timer callback it hands out every item whose time has come, in time order, and re-arms
// for the next; an item is never handed out early, so a callback that Node fires before the
// earliest item's time (its timers count whole milliseconds) re-arms for the rest.
//
// Two queues plug into the one driver: BinaryHeap (ours: objects, FIFO among equal times) and
// FlatQueue from the flatqueue package (from outside: parallel flat arrays, no FIFO guarantee).
import FlatQueue from 'flatqueue';

export interface DueQueue {
  readonly length: number;
  push(id: number, dueMs: number): void;
  /** The earliest due time; undefined when empty. */
  peekDue(): number | undefined;
  /** Removes the earliest item and returns its id. Requires length > 0. */
  pop(): number;
}

interface HeapItem {
  dueMs: number;
  sequence: number;
  id: number;
}

/** Ours: a binary min-heap of { dueMs, sequence, id } objects. */
export class BinaryHeap implements DueQueue {
  private readonly items: HeapItem[] = [];
  private nextSequence = 0;

  get length(): number {
    return this.items.length;
  }

  push(id: number, dueMs: number): void {
    const item = { dueMs, sequence: this.nextSequence++, id };
    const items = this.items;
    let index = items.length;
    items.push(item);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(item, items[parent])) break;
      items[index] = items[parent];
      index = parent;
    }
    items[index] = item;
  }

  peekDue(): number | undefined {
    return this.items.length === 0 ? undefined : this.items[0].dueMs;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as HeapItem;
    if (items.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= items.length) break;
        const child = left + 1 < items.length && before(items[left + 1], items[left]) ? left + 1 : left;
        if (!before(items[child], last)) break;
        items[index] = items[child];
        index = child;
      }
      items[index] = last;
    }
    return top.id;
  }
}

function before(a: HeapItem, b: HeapItem): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.sequence < b.sequence);
}

/** From outside: flatqueue's FlatQueue (ids and priorities in two flat arrays). */
export class FlatQueueAdapter implements DueQueue {
  private readonly queue = new FlatQueue<number>();

  get length(): number {
    return this.queue.length;
  }

  push(id: number, dueMs: number): void {
    this.queue.push(id, dueMs);
  }

  peekDue(): number | undefined {
    return this.queue.peekValue();
  }

  pop(): number {
    return this.queue.pop() as number;
  }
}

/** One setTimeout, always armed for the queue's earliest item. Times are performance.now() ms. */
export class TimerDrivenQueue {
  private timer: NodeJS.Timeout | undefined;
  private armedForMs = Infinity;

  constructor(
    private readonly queue: DueQueue,
    private readonly onDue: (id: number) => void,
  ) {}

  schedule(id: number, dueMs: number): void {
    this.queue.push(id, dueMs);
    if (dueMs < this.armedForMs) this.arm();
  }

  /** Drops the timer (the queue keeps its items). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.armedForMs = Infinity;
  }

  private arm(): void {
    clearTimeout(this.timer);
    const next = this.queue.peekDue();
    if (next === undefined) {
      this.timer = undefined;
      this.armedForMs = Infinity;
      return;
    }
    this.armedForMs = next;
    this.timer = setTimeout(this.fire, Math.max(0, next - performance.now()));
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    const queue = this.queue;
    for (
      let next = queue.peekDue();
      next !== undefined && next <= performance.now();
      next = queue.peekDue()
    ) {
      this.onDue(queue.pop());
    }
    this.arm();
  };
}
