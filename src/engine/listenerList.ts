// Listeners of one event. Firing walks an array that add/remove replace rather than mutate, so
// firing allocates nothing and a listener may unsubscribe (or subscribe others) while it runs.
import { requireFunction } from './argumentChecks';
import type { MidiDisposable } from './types';

export class ListenerList<T> {
  private listeners: readonly ((event: T) => void)[] = [];

  get size(): number {
    return this.listeners.length;
  }

  add(listener: (event: T) => void, what = 'listener'): MidiDisposable {
    requireFunction(listener, what);
    this.listeners = [...this.listeners, listener];
    let subscribed = true;
    return {
      dispose: () => {
        if (!subscribed) return;
        subscribed = false;
        const index = this.listeners.indexOf(listener);
        if (index >= 0) this.listeners = this.listeners.filter((_, i) => i !== index);
      },
    };
  }

  clear(): void {
    this.listeners = [];
  }

  /** Calls every listener; one that throws does not stop the others (see reportListenerError). */
  fire(event: T): void {
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      try {
        listeners[i](event);
      } catch (error) {
        reportListenerError(error);
      }
    }
  }
}

/**
 * A listener threw. Delivery goes on (a native wake-up must always drain its ring to the end),
 * and the error is rethrown on the next tick so it surfaces as an uncaught exception, as it
 * would from an EventEmitter, instead of vanishing.
 */
export function reportListenerError(error: unknown): void {
  process.nextTick(() => {
    throw error;
  });
}
