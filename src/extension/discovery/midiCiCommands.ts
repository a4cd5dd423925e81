// MIDI-CI: Discover, Get Property and List Profiles, from a host MUID of MIDI Scope's own on a
// chosen endpoint and group. The connection and initiator for each endpoint and group stay open
// for the window, so responders found once are remembered.
import * as vscode from 'vscode';
import type { MidiSession } from '../../engine';
import { forEachUmp } from '../../discovery';
import {
  MidiCiInitiator,
  categoriesText,
  deviceIdText,
  formatMuid,
  profileText,
  type MidiCiResponder,
} from '../../midici';
import {
  failure,
  registerMidiCommand,
  UserFacingError,
  type CommandServices,
} from '../commands/commandServices';
import { numberLabel } from '../../ump';
import { readDisplaySettings } from '../../views/monitor/displaySettings';
import { endpointFor } from './discoveryCommands';

/** The user's group and channel numbering (midiScope.display.numbering). */
const numbering = () => readDisplaySettings(() => undefined).numbering;

interface Link {
  initiator: MidiCiInitiator;
  close(): void;
}

export class MidiCiLinks implements vscode.Disposable {
  private readonly links = new Map<string, Link>();
  private session: MidiSession | undefined;

  constructor(private readonly services: CommandServices) {}

  linkFor(endpointDeviceId: string, group: number): MidiCiInitiator {
    const key = `${endpointDeviceId}#${group}`;
    const existing = this.links.get(key);
    if (existing !== undefined) return existing.initiator;
    const engine = this.services.engineHost.require();
    this.session ??= engine.MidiSession.create('MIDI Scope MIDI-CI');
    const session = this.session;
    const connection = session.createEndpointConnection(endpointDeviceId);
    const initiator = new MidiCiInitiator({
      group,
      send: (words) => (connection.sendSingleMessageWordArray(0, 0, words.length, words) & 0x80000000) === 0,
    });
    connection.onMessagesReceived((batch) =>
      forEachUmp(batch.words, (offset) => initiator.receive(batch.words, offset)),
    );
    if (!connection.open()) throw new UserFacingError(`could not open ${endpointDeviceId} for MIDI-CI`);
    this.links.set(key, {
      initiator,
      close: () => session.disconnectEndpointConnection(connection.connectionId),
    });
    return initiator;
  }

  dispose(): void {
    for (const link of this.links.values()) link.close();
    this.links.clear();
    this.session?.close();
  }
}

function waitMs(): number {
  return Math.max(10, vscode.workspace.getConfiguration('midiScope.midiCi').get<number>('replyWaitMs', 500));
}

interface CiArguments {
  endpointDeviceId?: string;
  group?: number;
  muid?: number;
  resource?: string;
}

function ciArguments(argument: unknown): CiArguments {
  if (typeof argument !== 'object' || argument === null) return {};
  const a = argument as Record<string, unknown>;
  const out: CiArguments = {};
  if (typeof a.endpointDeviceId === 'string') out.endpointDeviceId = a.endpointDeviceId;
  if (typeof a.group === 'number') out.group = a.group;
  if (typeof a.muid === 'number') out.muid = a.muid;
  if (typeof a.resource === 'string') out.resource = a.resource;
  return out;
}

async function target(
  services: CommandServices,
  links: MidiCiLinks,
  command: string,
  argument: unknown,
  title: string,
) {
  const args = ciArguments(argument);
  const endpointDeviceId = await endpointFor(services, command, argument, title);
  if (endpointDeviceId === undefined) return undefined;
  let group = args.group;
  if (group === undefined) {
    const picked = await vscode.window.showQuickPick(
      Array.from({ length: 16 }, (_, i) => ({ label: `Group ${numberLabel(i, numbering())}`, group: i })),
      { title, placeHolder: 'The group MIDI-CI runs on' },
    );
    if (picked === undefined) return undefined;
    group = picked.group;
  }
  if (!Number.isInteger(group) || group < 0 || group > 15)
    throw new TypeError(`${command}: group must be 0–15, got ${group}`);
  return { endpointDeviceId, group, initiator: links.linkFor(endpointDeviceId, group), args };
}

function describeResponder(r: MidiCiResponder) {
  const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
  return {
    muid: formatMuid(r.muid),
    manufacturer: r.manufacturer.map(hex).join(' '),
    family: `0x${r.family.toString(16).padStart(4, '0')}`,
    model: `0x${r.model.toString(16).padStart(4, '0')}`,
    softwareRevision: r.softwareRevision.map(hex).join(' '),
    categories: categoriesText(r.categories),
    maxSysExSize: r.maxSysExSize,
    messageVersion: r.version,
    ...(r.functionBlock === undefined ? {} : { functionBlock: r.functionBlock }),
  };
}

async function openJson(title: string, value: unknown): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({
    language: 'json',
    content: `${JSON.stringify(value, null, 2)}\n`,
  });
  await vscode.window.showTextDocument(document, { preview: false });
  vscode.window.setStatusBarMessage(title, 5000);
  return document;
}

async function discover(services: CommandServices, links: MidiCiLinks, argument: unknown) {
  const t = await target(services, links, 'midiScope.midiCiDiscover', argument, 'MIDI-CI: Discover');
  if (t === undefined) return failure('cancelled');
  const responders = await t.initiator.discover(waitMs());
  const endpointName = services.catalog.find(t.endpointDeviceId)?.name ?? t.endpointDeviceId;
  const listed = responders.map(describeResponder);
  const group = Number(numberLabel(t.group, numbering()));
  await openJson(`MIDI-CI: ${responders.length} responders on ${endpointName} group ${group}`, {
    endpoint: endpointName,
    group,
    initiatorMuid: formatMuid(t.initiator.muid),
    responders: listed,
    problems: t.initiator.problems.map((p) => p.message),
  });
  return { ok: true as const, initiatorMuid: t.initiator.muid, responders };
}

async function responderOf(t: {
  initiator: MidiCiInitiator;
  args: CiArguments;
}): Promise<MidiCiResponder | undefined> {
  let responders = [...t.initiator.responders.values()];
  if (responders.length === 0)
    responders = await t.initiator.discover(
      waitMs(),
      0x7f,
      (found) => t.args.muid === undefined || found.some((r) => r.muid === t.args.muid),
    );
  if (t.args.muid !== undefined) {
    const found = responders.find((r) => r.muid === t.args.muid);
    if (found === undefined)
      throw new UserFacingError(`no MIDI-CI responder has the MUID ${formatMuid(t.args.muid)}`);
    return found;
  }
  if (responders.length === 0)
    throw new UserFacingError('no MIDI-CI responder answered Discovery on this endpoint and group');
  if (responders.length === 1) return responders[0];
  const picked = await vscode.window.showQuickPick(
    responders.map((r) => ({
      label: formatMuid(r.muid),
      description: describeResponder(r).manufacturer,
      detail: categoriesText(r.categories),
      r,
    })),
    { title: 'MIDI-CI responder' },
  );
  return picked?.r;
}

async function getProperty(services: CommandServices, links: MidiCiLinks, argument: unknown) {
  const t = await target(services, links, 'midiScope.midiCiGetProperty', argument, 'MIDI-CI: Get Property');
  if (t === undefined) return failure('cancelled');
  const responder = await responderOf(t);
  if (responder === undefined) return failure('cancelled');
  let resource = t.args.resource;
  if (resource === undefined) {
    const list = await t.initiator.getProperty(responder.muid, 'ResourceList', waitMs() * 4);
    const listed = Array.isArray(list?.bodyJson)
      ? (list.bodyJson as unknown[]).flatMap((entry) =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof (entry as { resource?: unknown }).resource === 'string'
            ? [(entry as { resource: string }).resource]
            : [],
        )
      : [];
    const names = [...new Set(['ResourceList', 'DeviceInfo', ...listed])];
    const picked = await vscode.window.showQuickPick(names, {
      title: 'MIDI-CI: Get Property',
      placeHolder: 'Resource',
    });
    if (picked === undefined) return failure('cancelled');
    resource = picked;
  }
  const transaction = await t.initiator.getProperty(responder.muid, resource, waitMs() * 4);
  if (transaction === undefined)
    throw new UserFacingError(`${formatMuid(responder.muid)} did not answer Get ${resource}`);
  const document = await openJson(
    `MIDI-CI: ${resource} from ${formatMuid(responder.muid)}`,
    transaction.bodyJson ?? { header: transaction.header, body: transaction.bodyText },
  );
  return {
    ok: true as const,
    resource,
    header: transaction.header,
    body: transaction.bodyJson,
    problems: transaction.problems.map((p) => p.message),
    uri: document.uri.toString(),
  };
}

async function listProfiles(services: CommandServices, links: MidiCiLinks, argument: unknown) {
  const t = await target(services, links, 'midiScope.midiCiListProfiles', argument, 'MIDI-CI: List Profiles');
  if (t === undefined) return failure('cancelled');
  const responder = await responderOf(t);
  if (responder === undefined) return failure('cancelled');
  const lists = await t.initiator.listProfiles(responder.muid, 0x7f, waitMs());
  const shown = lists.map((l) => ({
    address: deviceIdText(l.deviceId, numbering()),
    enabled: l.enabled.map(profileText),
    disabled: l.disabled.map(profileText),
  }));
  await openJson(`MIDI-CI: profiles of ${formatMuid(responder.muid)}`, {
    responder: formatMuid(responder.muid),
    profiles: shown,
  });
  return { ok: true as const, profiles: shown };
}

export function registerMidiCiCommands(services: CommandServices, links: MidiCiLinks): vscode.Disposable[] {
  return [
    registerMidiCommand(services, 'midiScope.midiCiDiscover', (argument) =>
      discover(services, links, argument),
    ),
    registerMidiCommand(services, 'midiScope.midiCiGetProperty', (argument) =>
      getProperty(services, links, argument),
    ),
    registerMidiCommand(services, 'midiScope.midiCiListProfiles', (argument) =>
      listProfiles(services, links, argument),
    ),
  ];
}
