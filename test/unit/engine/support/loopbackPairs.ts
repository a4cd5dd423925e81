// Loopback pairs with ids unique to each test, removed again after it.
import { randomUUID } from 'node:crypto';
import type { Engine } from './engine';

export interface TestPair {
  associationId: string;
  endpointDeviceIdA: string;
  endpointDeviceIdB: string;
  remove(): void;
}

export function createTestPair(engine: Engine, label = 'test'): TestPair {
  const suffix = randomUUID();
  const associationId = `${label}-${suffix}`;
  const created = engine.MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId,
    endpointA: { name: `${label} A`, uniqueId: `${label}-A-${suffix}` },
    endpointB: { name: `${label} B`, uniqueId: `${label}-B-${suffix}` },
  });
  if (!created.success) throw new Error(`could not create a test pair: ${created.errorInformation}`);
  return {
    associationId,
    endpointDeviceIdA: created.endpointDeviceIdA,
    endpointDeviceIdB: created.endpointDeviceIdB,
    remove: () => engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId),
  };
}

/** A session with an open connection on each side of a fresh pair. */
export function openTestPair(engine: Engine, label = 'test') {
  const pair = createTestPair(engine, label);
  const session = engine.MidiSession.create(label);
  const a = session.createEndpointConnection(pair.endpointDeviceIdA);
  const b = session.createEndpointConnection(pair.endpointDeviceIdB);
  return {
    pair,
    session,
    a,
    b,
    open: () => {
      if (!a.open() || !b.open()) throw new Error('could not open both sides of the test pair');
    },
    dispose: () => {
      session.close();
      pair.remove();
    },
  };
}
