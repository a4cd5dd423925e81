// Loopback endpoint pairs: what goes out on A comes in on B and the other way round.
// Transient pairs live until removed or until the process ends.
import { describeValue, requireObject, requireString } from './argumentChecks';
import { ensureEndpointChangeFeed, recordEndpointChanges } from './endpointChangeFeed';
import { engineBinding } from './engineLifecycle';
import type { NativeLoopbackSide } from './nativeBinding';
import type {
  MidiFunctionBlockDetails,
  MidiLoopbackDeclarationResult,
  MidiLoopbackEndpointCreationConfig,
  MidiLoopbackEndpointCreationResult,
  MidiUmpEndpointDeclaration,
  MidiUmpEndpointDetails,
} from './types';

function loopbackSide(side: unknown, what: string): NativeLoopbackSide {
  requireObject(side, what);
  requireString(side.name, `${what}.name`);
  requireString(side.uniqueId, `${what}.uniqueId`);
  const description = side.description ?? '';
  if (typeof description !== 'string') {
    throw new TypeError(`${what}.description must be a string when given, got ${describeValue(description)}`);
  }
  const native: NativeLoopbackSide = { name: side.name, description, uniqueId: side.uniqueId };
  // A virtual device's declaration: passed on as given, the addon checks every field.
  if (side.umpEndpoint !== undefined) native.umpEndpoint = side.umpEndpoint as MidiUmpEndpointDetails;
  if (side.functionBlocks !== undefined)
    native.functionBlocks = side.functionBlocks as MidiFunctionBlockDetails[];
  return native;
}

export class MidiLoopbackEndpointManager {
  private constructor() {}

  /**
   * Creates a pair. A blank name or uniqueId, or an associationId or uniqueId already in use,
   * fails with `errorInformation` saying which, and creates nothing.
   */
  static createTransientLoopbackEndpoints(
    config: MidiLoopbackEndpointCreationConfig,
  ): MidiLoopbackEndpointCreationResult {
    requireObject(config, 'config');
    requireString(config.associationId, 'config.associationId');
    const endpointA = loopbackSide(config.endpointA, 'config.endpointA');
    const endpointB = loopbackSide(config.endpointB, 'config.endpointB');
    ensureEndpointChangeFeed();
    const result = engineBinding().createLoopbackPair(config.associationId, endpointA, endpointB);
    if (result.success) recordEndpointChanges('added', [result.endpointDeviceIdA, result.endpointDeviceIdB]);
    return result;
  }

  /**
   * Sets what a side of a pair declares of itself as a UMP endpoint (a virtual device's endpoint
   * info and function blocks), or clears it with null: its MidiEndpointDeviceInformation then
   * carries them, watchers hear 'updated', and the OS is shown them where the engine publishes
   * the side. A declaration the engine cannot use is a TypeError naming the field; an unknown
   * endpoint, or one that is not a pair's side, is `success: false` with the reason.
   */
  static declareTransientLoopbackEndpoint(
    endpointDeviceId: string,
    declaration: MidiUmpEndpointDeclaration | null,
  ): MidiLoopbackDeclarationResult {
    requireString(endpointDeviceId, 'endpointDeviceId');
    if (declaration !== null) requireObject(declaration, 'declaration');
    ensureEndpointChangeFeed();
    const result = engineBinding().declareLoopbackEndpoint(endpointDeviceId, declaration);
    if (result.success) recordEndpointChanges('updated', [endpointDeviceId]);
    return result;
  }

  /** Removes the pair, closing connections open on it; false when no pair has that associationId. */
  static removeTransientLoopbackEndpoints(associationId: string): boolean {
    requireString(associationId, 'associationId');
    ensureEndpointChangeFeed();
    const binding = engineBinding();
    const endpointIds = binding
      .listEndpoints()
      .filter(
        (endpoint) => endpoint.transport === 'loopback' && endpoint.loopback?.associationId === associationId,
      )
      .map((endpoint) => endpoint.endpointDeviceId);
    const removed = binding.removeLoopbackPair(associationId);
    if (removed) recordEndpointChanges('removed', endpointIds);
    return removed;
  }
}
