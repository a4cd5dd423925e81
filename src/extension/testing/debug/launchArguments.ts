// What a `umptest` launch configuration carries (package.json contributes.debuggers describes the
// same for the editor), checked before a session starts running.
import type { DebugProtocol } from '@vscode/debugprotocol';

export interface UmptestLaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** The .umptest file to debug (absolute path). */
  program: string;
  /** Names of the tests to run (all of the file's when absent). */
  tests?: string[];
  /** Stop before the first step. */
  stopOnEntry?: boolean;
  /** Set by the Test Explorer's Debug profile: the test run its results go to. */
  testRunId?: string;
}

/** The arguments, or a sentence saying which one is wrong. */
export function checkLaunchArguments(
  args: DebugProtocol.LaunchRequestArguments,
): UmptestLaunchArguments | string {
  const candidate = args as Partial<UmptestLaunchArguments>;
  if (typeof candidate.program !== 'string' || candidate.program === '') {
    return '"program" must be the path of the .umptest file to debug (for example "${file}")';
  }
  if (
    candidate.tests !== undefined &&
    (!Array.isArray(candidate.tests) || candidate.tests.some((name) => typeof name !== 'string'))
  ) {
    return '"tests" must be a list of test names';
  }
  if (candidate.stopOnEntry !== undefined && typeof candidate.stopOnEntry !== 'boolean') {
    return '"stopOnEntry" must be true or false';
  }
  return candidate as UmptestLaunchArguments;
}
