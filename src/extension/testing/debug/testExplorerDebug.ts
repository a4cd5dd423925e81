// The Test Explorer's Debug profile: each selected file is debugged in a `umptest` session linked
// to the profile's test run (the `testRun` option), so the results show in the Test Explorer per
// test as for Run, and the Debug toolbar, breakpoints and Variables work on the file.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { TestRunner } from '../testRunHandler';
import type { UmptestLaunchArguments } from './launchArguments';

/** `testRun` links a debug session to a test run (VS Code 1.93 on; the typings here are 1.90's). */
type LinkedSessionOptions = vscode.DebugSessionOptions & { testRun?: vscode.TestRun };

export async function debugFromTestExplorer(
  runner: TestRunner,
  controller: vscode.TestController,
  request: vscode.TestRunRequest,
  token: vscode.CancellationToken,
): Promise<void> {
  const run = controller.createTestRun(request);
  try {
    for (const [fileItem, names] of runner.selection(request)) {
      if (token.isCancellationRequested || fileItem.uri === undefined) break;
      await debugFile(runner, run, fileItem.uri, names, token);
    }
  } finally {
    run.end();
    runner.debugRunEnded();
  }
}

async function debugFile(
  runner: TestRunner,
  run: vscode.TestRun,
  uri: vscode.Uri,
  names: Set<string> | undefined,
  token: vscode.CancellationToken,
): Promise<void> {
  const testRunId = randomUUID();
  const configuration: vscode.DebugConfiguration & UmptestLaunchArguments = {
    type: 'umptest',
    request: 'launch',
    name: `Debug ${vscode.workspace.asRelativePath(uri)}`,
    program: uri.fsPath,
    tests: names ? [...names] : undefined,
    testRunId,
  };
  const ours = (session: vscode.DebugSession) => session.configuration.testRunId === testRunId;
  let session: vscode.DebugSession | undefined;
  const disposables: vscode.Disposable[] = [];
  const ended = new Promise<void>((resolve) => {
    disposables.push(
      vscode.debug.onDidStartDebugSession((started) => {
        if (ours(started)) session = started;
      }),
      vscode.debug.onDidTerminateDebugSession((terminated) => {
        if (ours(terminated)) resolve();
      }),
      token.onCancellationRequested(() => {
        if (session) void vscode.debug.stopDebugging(session);
        else resolve();
      }),
    );
  });
  runner.debugRuns.set(testRunId, run);
  try {
    const options: LinkedSessionOptions = { testRun: run };
    const started = await vscode.debug.startDebugging(
      vscode.workspace.getWorkspaceFolder(uri),
      configuration,
      options,
    );
    if (started) await ended;
    else run.appendOutput(`The debugger did not start for ${uri.fsPath}\r\n`);
  } finally {
    runner.debugRuns.delete(testRunId);
    for (const disposable of disposables) disposable.dispose();
  }
}
