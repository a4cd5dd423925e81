// midiScope.measureRoundTrip: on an endpoint pair (out on one, in on the other, as a loopback
// pair) or on one endpoint that echoes, N probes with progress and Cancel in a notification,
// then the histogram panel.
import * as vscode from 'vscode';
import {
  latencySummaryText,
  summarizeLatencies,
  type LatencySummary,
} from '../../capture/captureMeasurements';
import {
  UserFacingError,
  failure,
  type CommandFailure,
  type CommandServices,
} from '../commands/commandServices';
import { measureRoundTrip } from './roundTripProbe';
import { showRoundTripPanel } from './roundTripPanel';

export interface RoundTripArguments {
  outEndpointDeviceId?: string;
  inEndpointDeviceId?: string;
  probes?: number;
  intervalMs?: number;
}

export type RoundTripResult =
  { ok: true; summary: LatencySummary; sent: number; lost: number; text: string } | CommandFailure;

async function pickEndpoint(services: CommandServices, title: string): Promise<string | undefined> {
  const { MidiEndpointDeviceInformation } = services.engineHost.require();
  const picked = await vscode.window.showQuickPick(
    MidiEndpointDeviceInformation.findAll().map((endpoint) => ({
      label: endpoint.name,
      description: endpoint.endpointDeviceId,
      id: endpoint.endpointDeviceId,
    })),
    { title },
  );
  return picked?.id;
}

export async function roundTripCommand(
  services: CommandServices,
  argument: unknown,
): Promise<RoundTripResult> {
  const args = (typeof argument === 'object' && argument !== null ? argument : {}) as RoundTripArguments;
  const engine = services.engineHost.require();
  const outId =
    args.outEndpointDeviceId ?? (await pickEndpoint(services, 'Measure Round Trip: send probes to'));
  if (!outId) return failure('cancelled');
  const inId =
    args.inEndpointDeviceId ??
    (await pickEndpoint(
      services,
      'Measure Round Trip: receive the echoes from (the same endpoint for a device that echoes)',
    ));
  if (!inId) return failure('cancelled');
  const probes = args.probes ?? 1000;
  if (!Number.isInteger(probes) || probes < 1 || probes > 1_000_000)
    throw new TypeError(`probes must be 1 to 1,000,000, got ${String(probes)}`);
  const intervalMs = args.intervalMs ?? 2;
  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Measuring round trip with ${probes} probes`,
      cancellable: true,
    },
    (_progress, token) =>
      measureRoundTrip(
        engine,
        { outEndpointDeviceId: outId, inEndpointDeviceId: inId, probes, intervalMs, timeoutMs: 2000 },
        () => token.isCancellationRequested,
      ),
  );
  if (outcome.latenciesUs.length === 0) {
    throw new UserFacingError(
      `Measure Round Trip: none of ${outcome.sent} probe(s) came back from ${inId}. Is it the other end of ${outId}, or a device that echoes?`,
    );
  }
  const summary = summarizeLatencies(outcome.latenciesUs);
  const name = (id: string): string =>
    engine.MidiEndpointDeviceInformation.findAll().find((e) => e.endpointDeviceId === id)?.name ?? id;
  const title = `Round trip ${name(outId)} → ${name(inId)}`;
  const extra = `sent ${outcome.sent}, lost ${outcome.lost}, unexpected echoes ${outcome.unexpected}`;
  showRoundTripPanel(summary, title, extra);
  const text = `${latencySummaryText(summary, title)}\n${extra}`;
  services.log.info(text);
  return { ok: true, summary, sent: outcome.sent, lost: outcome.lost, text };
}
