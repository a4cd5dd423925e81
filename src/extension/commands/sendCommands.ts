// midiScope.sendSelection, sendToEndpoint and cancelScheduled, and the registration of every
// send command. Every send is all or nothing up to the engine: the whole text is parsed and
// validated first, then one multiple-message call hands everything over.
import * as vscode from 'vscode';
import { plural } from '../sending/sendReport';
import { byteOrderArgument, endpointIdArgument } from './commandArguments';
import {
  UserFacingError,
  failure,
  registerMidiCommand,
  requireSender,
  type CommandServices,
} from './commandServices';
import { scheduleSelection } from './scheduleSelection';
import { chooseEndpoint, messagesFromEditor, sendAndReport, type SendCommandResult } from './sendDelivery';
import { sendFile } from './sendFile';

export type { SendCommandResult } from './sendDelivery';

async function sendSelection(services: CommandServices, argument: unknown): Promise<SendCommandResult> {
  const explicitId = endpointIdArgument('midiScope.sendSelection', argument);
  const byteOrder = byteOrderArgument('midiScope.sendSelection', argument);
  requireSender(services);
  const { messages } = messagesFromEditor(services, 'Send Selection', byteOrder);
  const timed = messages.find((message) => message.delayUs !== undefined || message.atUs !== undefined);
  if (timed) {
    throw new UserFacingError(
      `Line ${timed.line} has a time offset, and Send Selection sends everything now: use "MIDI: Schedule Selection" to send with the offsets.`,
    );
  }
  const endpoint = await chooseEndpoint(services, explicitId, 'Send Selection as UMP');
  if (!endpoint) return failure('cancelled');
  return sendAndReport(services, endpoint, messages, { kind: 'now' });
}

function cancelScheduled(services: CommandServices): { ok: true; cancelled: number } {
  const cancelled = requireSender(services).cancelScheduled();
  const report =
    cancelled === 0 ? 'Nothing was scheduled.' : `Cancelled ${plural(cancelled, 'scheduled message')}.`;
  services.log.info(report);
  void vscode.window.showInformationMessage(report);
  return { ok: true, cancelled };
}

export function registerSendCommands(services: CommandServices): vscode.Disposable[] {
  return [
    registerMidiCommand(services, 'midiScope.sendSelection', (argument) => sendSelection(services, argument)),
    registerMidiCommand(services, 'midiScope.sendToEndpoint', (argument) =>
      sendSelection(services, { endpointDeviceId: endpointIdArgument('midiScope.sendToEndpoint', argument) }),
    ),
    registerMidiCommand(services, 'midiScope.sendSelectionLittleEndian', (argument) =>
      sendSelection(services, {
        endpointDeviceId: endpointIdArgument('midiScope.sendSelectionLittleEndian', argument),
        byteOrder: 'littleEndianBytes',
      }),
    ),
    registerMidiCommand(services, 'midiScope.scheduleSelection', (argument) =>
      scheduleSelection(services, argument),
    ),
    registerMidiCommand(services, 'midiScope.sendFile', (first, second) => sendFile(services, first, second)),
    registerMidiCommand(services, 'midiScope.cancelScheduled', () => cancelScheduled(services)),
  ];
}
