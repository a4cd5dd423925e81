// Routes the addon's endpoint change notifications to watchers. Notifications arrive later than
// the change (on a later turn of the event loop), so a watcher created right after a change
// would otherwise hear about an endpoint that came and went before it existed. Changes made
// through this facade are therefore recorded when they happen, with the watchers alive then;
// each notification goes only to those. Changes the facade did not make go to every watcher.
import { engineBinding } from './engineLifecycle';
import type { NativeEndpointChange } from './nativeBinding';
import type { MidiEndpointDeviceWatcherEvent } from './types';

type Deliver = (events: readonly MidiEndpointDeviceWatcherEvent[]) => void;

interface Subscriber {
  serial: number;
  deliver: Deliver;
}

let installed = false;
let lastSerial = 0;
const subscribers = new Map<number, Subscriber>();
/** For each "change\nendpointDeviceId" made here, oldest first: the newest subscriber serial then. */
const recordedChanges = new Map<string, number[]>();

function keyOf(change: string, endpointDeviceId: string): string {
  return `${change}\n${endpointDeviceId}`;
}

/** Installs the one native callback for good, so no notification is ever dropped unrouted. */
export function ensureEndpointChangeFeed(): void {
  const binding = engineBinding(); // throws once the engine is shut down
  if (installed) return;
  binding.setEndpointWatcher(route);
  installed = true;
}

export function subscribeToEndpointChanges(deliver: Deliver): () => void {
  ensureEndpointChangeFeed();
  const serial = ++lastSerial;
  subscribers.set(serial, { serial, deliver });
  return () => subscribers.delete(serial);
}

/** Call right after this facade changed the endpoint list (before any notification can run). */
export function recordEndpointChanges(
  change: 'added' | 'removed' | 'updated',
  endpointDeviceIds: readonly string[],
): void {
  for (const id of endpointDeviceIds) {
    const key = keyOf(change, id);
    const queue = recordedChanges.get(key);
    if (queue) queue.push(lastSerial);
    else recordedChanges.set(key, [lastSerial]);
  }
}

/** Which subscribers may hear of this change: those that existed when it was made. */
function newestSerialFor({ change, endpoint }: NativeEndpointChange): number {
  const key = keyOf(change, endpoint.endpointDeviceId);
  const queue = recordedChanges.get(key);
  if (queue === undefined) return Infinity;
  const newest = queue.shift() ?? Infinity;
  if (queue.length === 0) recordedChanges.delete(key);
  return newest;
}

function route(changes: NativeEndpointChange[]): void {
  const eventsBySubscriber = new Map<Subscriber, MidiEndpointDeviceWatcherEvent[]>();
  for (const change of changes) {
    const newest = newestSerialFor(change);
    for (const subscriber of subscribers.values()) {
      if (subscriber.serial > newest) continue;
      const events = eventsBySubscriber.get(subscriber);
      if (events) events.push(change);
      else eventsBySubscriber.set(subscriber, [change]);
    }
  }
  for (const [subscriber, events] of eventsBySubscriber) {
    // One that unsubscribed during an earlier delivery of this batch hears nothing more.
    if (subscribers.has(subscriber.serial)) subscriber.deliver(events);
  }
}
