// The engine's one lifetime: the addon is loaded on first use and shut down once, by
// shutdownEngine(), which closes every session and watcher and joins the native threads.
import { nativeBinding, type NativeBinding } from './nativeBinding';

let shutDown = false;
let binding: NativeBinding | undefined;
const closeOnShutdown = new Set<{ close(): void }>();

/** The addon, or an Error once the engine was shut down. */
export function engineBinding(): NativeBinding {
  if (shutDown) {
    throw new Error('The MIDI engine was shut down (shutdownEngine()); it cannot be used afterwards.');
  }
  return binding ?? loadBinding();
}

function loadBinding(): NativeBinding {
  binding = nativeBinding();
  // A script that just ends must not leave native threads running or wake-ups queued while
  // Node tears its environment down: shut the engine down on the way out.
  process.once('exit', shutdownEngine);
  return binding;
}

export function isEngineShutDown(): boolean {
  return shutDown;
}

/** Keeps `resource` to be closed by shutdownEngine(); call the returned function when it closes first. */
export function closeOnEngineShutdown(resource: { close(): void }): () => void {
  closeOnShutdown.add(resource);
  return () => closeOnShutdown.delete(resource);
}

/**
 * Closes every session (and so every connection, discarding what they scheduled), stops endpoint
 * watchers and joins every native thread. Idempotent. Nothing in the engine works afterwards:
 * the extension calls this on deactivate, scripts may call it before exiting.
 */
export function shutdownEngine(): void {
  if (shutDown) return;
  for (const resource of [...closeOnShutdown]) resource.close();
  closeOnShutdown.clear();
  shutDown = true;
  // Never load the addon just to stop it.
  binding?.shutdown();
  process.removeListener('exit', shutdownEngine);
}
