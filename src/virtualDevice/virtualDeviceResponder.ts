// What the device side of a virtual device answers, as a pure function of what it receives: UMP
// Stream discovery and stream configuration from the declaration, MIDI-CI Discovery and Property
// Exchange (capabilities, Get of ResourceList, DeviceInfo and declared resources). Anything else
// is not answered, and respond() says so, so the caller can count it and let others see it.
import {
  UmpStreamStatus as Status,
  buildDeviceIdentityNotification,
  buildEndpointInfoNotification,
  buildEndpointNamePackets,
  buildFunctionBlockInfoNotification,
  buildFunctionBlockNamePackets,
  buildProductInstanceIdPackets,
  buildStreamConfigurationNotification,
  readEndpointDiscovery,
  readFunctionBlockDiscovery,
  readStreamConfiguration,
} from '../ump';
import {
  MidiCiMessageType as T,
  MidiCiReceiver,
  PropertyExchangeAssembler,
  asciiJson,
  buildDiscoveryReply,
  buildProfileInquiryReply,
  buildPropertyExchangeCapabilities,
  buildPropertyExchangeMessages,
  midiCiPackets,
  randomMuid,
  type MidiCiMessage,
} from '../midici';
import type { VirtualDeviceDeclaration, VirtualFunctionBlock } from './virtualDeviceDeclaration';

export interface Response {
  /**
   * 'unanswered' when the device does not answer this message (it is left to whoever else
   * listens); 'pending' for a SysEx packet whose message is not complete yet.
   */
  outcome: 'answered' | 'unanswered' | 'pending';
  replies: Uint32Array[];
}

const notAnswered: Response = Object.freeze({ outcome: 'unanswered', replies: [] });
const pending: Response = Object.freeze({ outcome: 'pending', replies: [] });
const directions = { input: 1, output: 2, bidirectional: 3 } as const;
const midi1Modes = { none: 0, midi1: 1, midi1Restricted: 2 } as const;
const uiHints = { unknown: 0, receiver: 1, sender: 2, both: 3 } as const;
/** Categories the virtual device supports: Profile Configuration and Property Exchange. */
const CATEGORIES = 0x0c;

export class VirtualDeviceResponder {
  readonly muid: number;
  private protocol: 1 | 2;
  private receiveJr = false;
  private transmitJr = false;
  private readonly ci = new MidiCiReceiver();
  private readonly pe = new PropertyExchangeAssembler();

  constructor(readonly declaration: VirtualDeviceDeclaration) {
    this.muid = declaration.midiCi.muid ?? randomMuid();
    this.protocol = declaration.initialProtocol;
  }

  /** The stream configuration the device is in. */
  get streamConfiguration() {
    return {
      protocol: this.protocol,
      receiveJrTimestamps: this.receiveJr,
      transmitJrTimestamps: this.transmitJr,
    };
  }

  /** Answers the UMP at `words[offset]`. */
  respond(words: ArrayLike<number>, offset = 0): Response {
    const w0 = words[offset] >>> 0;
    const type = w0 >>> 28;
    if (type === 0xf) return this.respondStream(w0, words[offset + 1] >>> 0);
    if (type === 0x3) return this.respondSysEx(words, offset);
    return notAnswered;
  }

  private respondStream(w0: number, w1: number): Response {
    const status = ((w0 >>> 16) & 0x3ff) as Status;
    const d = this.declaration;
    const replies: Uint32Array[] = [];
    switch (status) {
      case Status.EndpointDiscovery: {
        const { filter } = readEndpointDiscovery(w0, w1);
        if (filter & 0x01) replies.push(this.endpointInfo());
        if (filter & 0x02) replies.push(buildDeviceIdentityNotification(d.deviceIdentity));
        if (filter & 0x04) replies.push(...buildEndpointNamePackets(d.endpointName));
        if (filter & 0x08 && d.productInstanceId !== '')
          replies.push(...buildProductInstanceIdPackets(d.productInstanceId));
        if (filter & 0x10) replies.push(this.streamConfigurationNotification());
        return { outcome: 'answered', replies };
      }
      case Status.FunctionBlockDiscovery: {
        const { functionBlock, filter } = readFunctionBlockDiscovery(w0);
        d.functionBlocks.forEach((block, number) => {
          if (functionBlock !== 0xff && functionBlock !== number) return;
          if (filter & 0x01) replies.push(functionBlockInfo(block, number));
          if (filter & 0x02) replies.push(...buildFunctionBlockNamePackets(number, block.name));
        });
        return { outcome: 'answered', replies };
      }
      case Status.StreamConfigurationRequest: {
        const request = readStreamConfiguration(w0);
        // Take what is declared; keep the current protocol when asked for one that is not.
        if (request.protocol === 2 && d.protocols.midi2) this.protocol = 2;
        if (request.protocol === 1 && d.protocols.midi1) this.protocol = 1;
        this.receiveJr = request.receiveJrTimestamps && d.jrTimestamps.receive;
        this.transmitJr = request.transmitJrTimestamps && d.jrTimestamps.transmit;
        return { outcome: 'answered', replies: [this.streamConfigurationNotification()] };
      }
      default:
        return notAnswered;
    }
  }

  private respondSysEx(words: ArrayLike<number>, offset: number): Response {
    const received = this.ci.push(words, offset);
    const form = (words[offset] >>> 20) & 0xf;
    if (received.length === 0 && (form === 1 || form === 2)) return pending;
    const replies: Uint32Array[] = [];
    let answered = false;
    for (const { message, group, byteCount } of received) {
      if (message === undefined) continue;
      const answer = this.respondMidiCi(message, byteCount);
      if (answer === undefined) continue;
      answered = true;
      for (const body of answer) replies.push(...midiCiPackets(group, body));
    }
    return answered ? { outcome: 'answered', replies } : notAnswered;
  }

  private respondMidiCi(message: MidiCiMessage, byteCount: number): Uint8Array[] | undefined {
    const toUs = message.destinationMuid === this.muid || message.destinationMuid === 0x0fffffff;
    if (!toUs) return undefined;
    const address = {
      deviceId: message.deviceId,
      sourceMuid: this.muid,
      destinationMuid: message.sourceMuid,
    };
    const d = this.declaration;
    switch (message.kind) {
      case 'discovery':
        return [
          buildDiscoveryReply(address, {
            ...d.deviceIdentity,
            categories: CATEGORIES,
            maxSysExSize: d.midiCi.maxSysExSize,
            outputPathId: message.outputPathId ?? 0,
            functionBlock: 0,
          }),
        ];
      case 'profileInquiry': {
        const profiles = d.midiCi.profiles;
        return [
          buildProfileInquiryReply(
            address,
            profiles.filter((p) => p.enabled).map((p) => p.id),
            profiles.filter((p) => !p.enabled).map((p) => p.id),
          ),
        ];
      }
      case 'propertyExchangeCapabilities':
        return [buildPropertyExchangeCapabilities(T.PropertyExchangeCapabilitiesReply, address, 1, 0, 0)];
      case 'propertyExchange': {
        if (message.messageType !== (T.PropertyGet as number)) return undefined;
        const transaction = this.pe.push(message, byteCount);
        if (transaction === undefined) return [];
        const resource = typeof transaction.header?.resource === 'string' ? transaction.header.resource : '';
        const value = this.resource(resource);
        const header =
          value === undefined ? { status: 404, message: `no resource ${resource}` } : { status: 200 };
        return buildPropertyExchangeMessages(
          T.PropertyGetReply,
          address,
          message.requestId,
          asciiJson(header),
          value === undefined ? [] : Array.from(asciiJson(value), (c) => c.charCodeAt(0)),
          d.midiCi.maxSysExSize,
        );
      }
      default:
        return undefined;
    }
  }

  private resource(name: string): unknown {
    const d = this.declaration;
    if (name === 'ResourceList') {
      return [
        { resource: 'DeviceInfo' },
        ...Object.keys(d.midiCi.resources).map((resource) => ({ resource })),
      ];
    }
    if (name === 'DeviceInfo') return d.midiCi.deviceInfo ?? defaultDeviceInfo(d);
    return Object.prototype.hasOwnProperty.call(d.midiCi.resources, name)
      ? d.midiCi.resources[name]
      : undefined;
  }

  private endpointInfo(): Uint32Array {
    const d = this.declaration;
    return buildEndpointInfoNotification({
      umpVersionMajor: d.umpVersion.major,
      umpVersionMinor: d.umpVersion.minor,
      staticFunctionBlocks: d.staticFunctionBlocks,
      functionBlockCount: d.functionBlocks.length,
      supportsMidi2Protocol: d.protocols.midi2,
      supportsMidi1Protocol: d.protocols.midi1,
      receivesJrTimestamps: d.jrTimestamps.receive,
      transmitsJrTimestamps: d.jrTimestamps.transmit,
    });
  }

  private streamConfigurationNotification(): Uint32Array {
    return buildStreamConfigurationNotification(this.protocol, this.receiveJr, this.transmitJr);
  }
}

export function functionBlockInfo(block: VirtualFunctionBlock, number: number): Uint32Array {
  return buildFunctionBlockInfoNotification({
    active: block.active,
    functionBlock: number,
    uiHint: uiHints[block.uiHint],
    midi1: midi1Modes[block.midi1],
    direction: directions[block.direction],
    firstGroup: block.firstGroup,
    groupCount: block.groupCount,
    midiCiVersion: block.midiCiVersion,
    maxSysEx8Streams: block.maxSysEx8Streams,
  });
}

function defaultDeviceInfo(d: VirtualDeviceDeclaration): Record<string, unknown> {
  return {
    manufacturerId: d.deviceIdentity.manufacturer,
    familyId: [d.deviceIdentity.family & 0x7f, d.deviceIdentity.family >> 7],
    modelId: [d.deviceIdentity.model & 0x7f, d.deviceIdentity.model >> 7],
    versionId: d.deviceIdentity.softwareRevision,
    manufacturer: 'MIDI Scope',
    family: 'Virtual devices',
    model: d.endpointName,
    version: d.deviceIdentity.softwareRevision.join('.'),
    serialNumber: d.productInstanceId,
  };
}
