// Watches the endpoint list from its creation on: added / removed / updated events, one call
// per batch of changes (see endpointChangeFeed for which changes a watcher hears of).
import { subscribeToEndpointChanges } from './endpointChangeFeed';
import { closeOnEngineShutdown } from './engineLifecycle';
import { ListenerList } from './listenerList';
import type { MidiDisposable, MidiEndpointDeviceInformation, MidiEndpointDeviceWatcherEvent } from './types';

export class MidiEndpointDeviceWatcher implements MidiDisposable {
  private readonly changed = new ListenerList<readonly MidiEndpointDeviceWatcherEvent[]>();
  private readonly added = new ListenerList<MidiEndpointDeviceInformation>();
  private readonly removed = new ListenerList<MidiEndpointDeviceInformation>();
  private readonly updated = new ListenerList<MidiEndpointDeviceInformation>();
  private unsubscribe: (() => void) | undefined;
  private readonly forgetAtShutdown: () => void;

  /** Use MidiEndpointDeviceInformation.createWatcher(). */
  constructor() {
    this.unsubscribe = subscribeToEndpointChanges((events) => this.deliver(events));
    this.forgetAtShutdown = closeOnEngineShutdown(this);
  }

  /** Every change of one batch, in order. */
  onChanged(listener: (events: readonly MidiEndpointDeviceWatcherEvent[]) => void): MidiDisposable {
    return this.changed.add(listener, 'onChanged listener');
  }

  onAdded(listener: (endpoint: MidiEndpointDeviceInformation) => void): MidiDisposable {
    return this.added.add(listener, 'onAdded listener');
  }

  onRemoved(listener: (endpoint: MidiEndpointDeviceInformation) => void): MidiDisposable {
    return this.removed.add(listener, 'onRemoved listener');
  }

  onUpdated(listener: (endpoint: MidiEndpointDeviceInformation) => void): MidiDisposable {
    return this.updated.add(listener, 'onUpdated listener');
  }

  /** Stops the watcher; its listeners hear nothing more. Idempotent. */
  dispose(): void {
    if (this.unsubscribe === undefined) return;
    this.unsubscribe();
    this.unsubscribe = undefined;
    this.forgetAtShutdown();
    for (const listeners of [this.changed, this.added, this.removed, this.updated]) listeners.clear();
  }

  close(): void {
    this.dispose();
  }

  private deliver(events: readonly MidiEndpointDeviceWatcherEvent[]): void {
    this.changed.fire(events);
    for (const { change, endpoint } of events) {
      if (change === 'added') this.added.fire(endpoint);
      else if (change === 'removed') this.removed.fire(endpoint);
      else this.updated.fire(endpoint);
    }
  }
}
