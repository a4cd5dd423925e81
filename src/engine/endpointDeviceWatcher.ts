// Watches the endpoint list: added / removed / updated events, one call per native batch.
// Every watcher shares the addon's single watcher callback, installed while any watcher lives.
import { closeOnEngineShutdown, engineBinding, isEngineShutDown } from './engineLifecycle';
import { ListenerList } from './listenerList';
import type { NativeEndpointChange } from './nativeBinding';
import type { MidiDisposable, MidiEndpointDeviceInformation, MidiEndpointDeviceWatcherEvent } from './types';

const liveWatchers = new Set<MidiEndpointDeviceWatcher>();

function dispatchToWatchers(changes: NativeEndpointChange[]): void {
  for (const watcher of [...liveWatchers]) watcher.deliver(changes);
}

export class MidiEndpointDeviceWatcher implements MidiDisposable {
  private readonly changed = new ListenerList<readonly MidiEndpointDeviceWatcherEvent[]>();
  private readonly added = new ListenerList<MidiEndpointDeviceInformation>();
  private readonly removed = new ListenerList<MidiEndpointDeviceInformation>();
  private readonly updated = new ListenerList<MidiEndpointDeviceInformation>();
  private readonly forgetAtShutdown: () => void;

  /** Use MidiEndpointDeviceInformation.createWatcher(). */
  constructor() {
    const binding = engineBinding();
    if (liveWatchers.size === 0) binding.setEndpointWatcher(dispatchToWatchers);
    liveWatchers.add(this);
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

  /** Called by the shared native callback. */
  deliver(changes: readonly MidiEndpointDeviceWatcherEvent[]): void {
    this.changed.fire(changes);
    for (const { change, endpoint } of changes) {
      if (change === 'added') this.added.fire(endpoint);
      else if (change === 'removed') this.removed.fire(endpoint);
      else this.updated.fire(endpoint);
    }
  }

  /** Stops the watcher; its listeners get nothing more. Idempotent. */
  dispose(): void {
    if (!liveWatchers.delete(this)) return;
    this.forgetAtShutdown();
    for (const listeners of [this.changed, this.added, this.removed, this.updated]) listeners.clear();
    if (liveWatchers.size === 0 && !isEngineShutDown()) engineBinding().setEndpointWatcher(null);
  }

  close(): void {
    this.dispose();
  }
}
