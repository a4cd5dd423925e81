// The pure-JavaScript peer: a loopback an extension could write without a native engine.
// Sends copy words and an arrival timestamp into a growable queue; the first message after the
// queue was empty schedules one delivery on the event loop (setImmediate), which swaps in the
// spare queue and hands the full one to the batch handler as subarray views, like the engine's
// onMessagesReceived.

export interface JsBatch {
  words: Uint32Array;
  timestamps: Float64Array;
  messageCount: number;
}

const wordsPerMessageType = [1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4];

export class JsLoopback {
  private words = new Uint32Array(1 << 16);
  private timestamps = new Float64Array(1 << 16);
  /** The queue being delivered; sends during delivery go to the other one. */
  private spareWords = new Uint32Array(1 << 16);
  private spareTimestamps = new Float64Array(1 << 16);
  private wordCount = 0;
  private messageCount = 0;
  private deliveryScheduled = false;

  constructor(
    private readonly onBatch: (batch: JsBatch) => void,
    private readonly now: () => number,
  ) {}

  sendSingleMessageWords(word0: number): void {
    this.reserve(1);
    this.words[this.wordCount++] = word0;
    this.timestamps[this.messageCount++] = this.now();
    this.scheduleDelivery();
  }

  /** Back-to-back messages sharing one arrival timestamp. */
  sendMultipleMessagesWordArray(start: number, count: number, words: Uint32Array): void {
    this.reserve(count);
    const arrival = this.now();
    this.words.set(words.subarray(start, start + count), this.wordCount);
    for (let offset = start; offset < start + count; offset += wordsPerMessageType[words[offset] >>> 28]) {
      this.timestamps[this.messageCount++] = arrival;
    }
    this.wordCount += count;
    this.scheduleDelivery();
  }

  private reserve(words: number): void {
    if (this.wordCount + words <= this.words.length) return;
    let size = this.words.length;
    while (size < this.wordCount + words) size *= 2;
    const grownWords = new Uint32Array(size);
    grownWords.set(this.words.subarray(0, this.wordCount));
    const grownTimestamps = new Float64Array(size);
    grownTimestamps.set(this.timestamps.subarray(0, this.messageCount));
    this.words = grownWords;
    this.timestamps = grownTimestamps;
  }

  private scheduleDelivery(): void {
    if (this.deliveryScheduled) return;
    this.deliveryScheduled = true;
    setImmediate(this.deliver);
  }

  private readonly deliver = (): void => {
    this.deliveryScheduled = false;
    const batch = {
      words: this.words.subarray(0, this.wordCount),
      timestamps: this.timestamps.subarray(0, this.messageCount),
      messageCount: this.messageCount,
    };
    [this.words, this.spareWords] = [this.spareWords, this.words];
    [this.timestamps, this.spareTimestamps] = [this.spareTimestamps, this.timestamps];
    this.wordCount = 0;
    this.messageCount = 0;
    this.onBatch(batch);
  };
}
