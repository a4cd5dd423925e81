// Registers the `umptest` debug type (package.json contributes.debuggers): the inline debug
// adapter, and the configuration used when F5 is pressed with no launch.json (the open test file).
import * as vscode from 'vscode';
import { UmptestDebugSession, type DebuggedRuns } from './umptestDebugSession';

export const umptestDebugType = 'umptest';

class UmptestConfigurationProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    configuration: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    if (!configuration.type && !configuration.request && !configuration.name) {
      const document = vscode.window.activeTextEditor?.document;
      if (document?.languageId === 'umptest') {
        return {
          type: umptestDebugType,
          request: 'launch',
          name: 'Debug MIDI tests in this file',
          program: document.uri.fsPath,
          stopOnEntry: false,
        };
      }
    }
    if (!configuration.program) {
      void vscode.window.showInformationMessage(
        'Open a .umptest file to debug its tests, or set "program" in the launch configuration.',
      );
      return undefined;
    }
    return configuration;
  }
}

export function registerUmptestDebugger(runs: DebuggedRuns): vscode.Disposable[] {
  return [
    vscode.debug.registerDebugAdapterDescriptorFactory(umptestDebugType, {
      createDebugAdapterDescriptor: () =>
        new vscode.DebugAdapterInlineImplementation(new UmptestDebugSession(runs)),
    }),
    vscode.debug.registerDebugConfigurationProvider(umptestDebugType, new UmptestConfigurationProvider()),
  ];
}
