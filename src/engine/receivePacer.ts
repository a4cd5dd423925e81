// Paces a connection's deliveries to its listeners: with an interval, at most one delivery per
// interval, the messages that arrive in between waiting in the native ring. A reader that only
// shows what it gets (the monitor redraws 30 times a second) then costs the JS thread one wake-up
// per interval instead of one per message. Not part of Windows MIDI Services.
//
// The native side wakes JS only when its ring goes from empty to readable, and a drain re-arms
// that; so while a delivery is held back, nothing more wakes JS until the timer delivers.

/** Delivers at once, or once the interval since the last delivery has passed. */
export class ReceivePacer {
  private lastDelivery = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  /** `intervalMs` 0 delivers on every wake-up. */
  constructor(
    private readonly intervalMs: number,
    private readonly deliver: () => void,
  ) {}

  /** The ring became readable (or the connection needs attention). */
  wake(): void {
    if (this.timer !== undefined) return;
    const wait = this.lastDelivery + this.intervalMs - performance.now();
    if (this.intervalMs === 0 || wait <= 0) {
      this.deliverNow();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.deliverNow();
    }, wait);
    // A held-back delivery does not keep a process alive, as the native wake-up does not either.
    this.timer.unref();
  }

  /** Forgets a held-back delivery (the connection closed). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private deliverNow(): void {
    this.lastDelivery = performance.now();
    this.deliver();
  }
}
