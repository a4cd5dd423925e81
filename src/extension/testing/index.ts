// The Test Explorer for *.umptest files: a TestController with Run and Debug profiles, the tree
// of files and tests, and syntax errors as diagnostics; the `umptest` step debugger (debug/).
import * as vscode from 'vscode';
import type { MonitorApi } from '../../views/monitor';
import type { EngineHost } from '../engineHost';
import { registerUmptestDebugger } from './debug/registerDebugger';
import { debugFromTestExplorer } from './debug/testExplorerDebug';
import { openTestExchange, openTestExchangeCommand, type RecordedExchange } from './testExchangeMonitor';
import { TestFileTree } from './testFileTree';
import { TestRunner, type TestResultRecord } from './testRunHandler';

export interface TestingApi {
  readonly controller: vscode.TestController;
  /** Finds the test files in the workspace again. */
  discover(): Promise<void>;
  /** The latest result of each test that ran, by test item id. */
  readonly results: ReadonlyMap<string, TestResultRecord>;
  /** Forgets the results so far (a test waits for the next run's). */
  clearResults(): void;
  /** The messages of each test's latest run, by test item id. */
  readonly exchanges: ReadonlyMap<string, RecordedExchange>;
  readonly onDidFinishRun: vscode.Event<void>;
}

export function registerTesting(
  engineHost: EngineHost,
  log: vscode.LogOutputChannel,
  monitorApi: MonitorApi,
): { api: TestingApi; disposables: vscode.Disposable[] } {
  const controller = vscode.tests.createTestController('midiScope.tests', 'MIDI tests');
  const tree = new TestFileTree(controller);
  const runner = new TestRunner(controller, tree, engineHost, log);
  controller.resolveHandler = async (item) => {
    if (item === undefined) await tree.discover();
  };
  controller.refreshHandler = () => tree.discover();
  const profiles = [
    controller.createRunProfile(
      'Run',
      vscode.TestRunProfileKind.Run,
      (request, token) => runner.run(request, token),
      true,
    ),
    controller.createRunProfile(
      'Debug',
      vscode.TestRunProfileKind.Debug,
      (request, token) => debugFromTestExplorer(runner, controller, request, token),
      true,
    ),
  ];
  const debuggerRegistrations = registerUmptestDebugger({
    textOf: (path) => tree.textOf(vscode.Uri.file(path)),
    run: (launch, control) => runner.debug(launch, control),
  });
  const openExchange = vscode.commands.registerCommand(openTestExchangeCommand, (argument: unknown) =>
    openTestExchange(monitorApi, runner.exchanges, argument),
  );
  void tree.discover().catch((error: unknown) => log.error(`finding test files failed: ${String(error)}`));
  return {
    api: {
      controller,
      discover: () => tree.discover(),
      results: runner.results,
      clearResults: () => runner.results.clear(),
      exchanges: runner.exchanges,
      onDidFinishRun: runner.onDidFinishRun,
    },
    disposables: [...profiles, ...debuggerRegistrations, openExchange, runner, tree, controller],
  };
}
