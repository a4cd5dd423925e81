// What the commands work with, and the one way they are registered: every command's failures
// that a person can act on become a clear message (and a `{ ok: false, reason }` result for
// callers); programming errors (bad arguments) reject the command's promise with a TypeError.
import * as vscode from 'vscode';
import type { EndpointsTreeDataProvider } from '../../views/endpoints/endpointsTreeDataProvider';
import type { EndpointCatalog } from '../endpointCatalog';
import { EngineUnavailableError, type EngineHost } from '../engineHost';
import type { LoopbackPairRegistry } from '../loopback/loopbackPairRegistry';
import type { SendProblems } from '../sending/sendProblems';
import type { SendTargets } from '../sending/sendTargets';
import type { UmpSender } from '../sending/umpSender';

export interface CommandServices {
  engineHost: EngineHost;
  catalog: EndpointCatalog;
  pairs: LoopbackPairRegistry;
  /** Undefined when the engine is unavailable. */
  sender: UmpSender | undefined;
  targets: SendTargets;
  /** Parse errors of sends, as diagnostics on their lines. */
  sendProblems: SendProblems;
  endpointsProvider: EndpointsTreeDataProvider;
  log: vscode.LogOutputChannel;
}

export interface CommandFailure {
  ok: false;
  reason: string;
}

/** A failure the person can act on: shown as an error message, returned to callers. */
export class UserFacingError extends Error {}

export function failure(reason: string): CommandFailure {
  return { ok: false, reason };
}

/** The sender, or an EngineUnavailableError explaining why there is none. */
export function requireSender(services: CommandServices): UmpSender {
  services.engineHost.require();
  if (!services.sender) throw new EngineUnavailableError('the sender did not start');
  return services.sender;
}

export function registerMidiCommand(
  services: CommandServices,
  id: string,
  handler: (...args: unknown[]) => unknown,
): vscode.Disposable {
  const { log } = services;
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof EngineUnavailableError) {
        log.error(`${id}: ${error.message}`);
        void vscode.window.showErrorMessage(`MIDI Scope: ${error.message}`, 'Show Log').then((choice) => {
          if (choice) log.show();
        });
        return failure(error.message);
      }
      if (error instanceof UserFacingError) {
        log.warn(`${id}: ${error.message}`);
        void vscode.window.showErrorMessage(error.message);
        return failure(error.message);
      }
      log.error(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw error;
    }
  });
}
