// Paces a connection's deliveries to its listeners: with an interval, at most one delivery per
// interval, the messages that arrive in between waiting in the native ring. A reader that only
// shows what it gets (the monitor redraws 30 times a second) then costs the JS thread one wake-up
// per interval instead of one per message. Not part of Windows MIDI Services.
//
// The native ring wakes JS only when it goes from empty to readable, and a drain that empties it
// re-arms that. While traffic flows the pacer polls instead: it drains on a timer and leaves the
// wake-up disarmed, so only the timer wakes the JS thread; a poll that finds nothing re-arms it
// and the pacer goes idle until the next native wake-up.

/** Drains and delivers what the ring holds; `stayDisarmed` leaves the native wake-up off. */
export type PacedDelivery = (stayDisarmed: boolean) => number;

export class ReceivePacer {
  private lastDelivery = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  /** `intervalMs` 0 delivers on every wake-up. */
  constructor(
    private readonly intervalMs: number,
    private readonly deliver: PacedDelivery,
  ) {}

  /** The ring became readable (or the connection needs attention). */
  wake(): void {
    if (this.intervalMs === 0) {
      this.deliver(false);
      return;
    }
    if (this.timer !== undefined) return; // polling: the timer delivers
    const wait = this.lastDelivery + this.intervalMs - performance.now();
    if (wait <= 0) this.poll();
    else this.pollIn(wait);
  }

  /** Forgets a held-back delivery (the connection closed). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private poll(): void {
    this.lastDelivery = performance.now();
    // Nothing since the last poll: re-arm the native wake-up (that drain looks once more).
    if (this.deliver(true) === 0 && this.deliver(false) === 0) return;
    this.pollIn(this.intervalMs);
  }

  private pollIn(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.poll();
    }, ms);
    // A held-back delivery does not keep a process alive, as the native wake-up does not either.
    this.timer.unref();
  }
}
