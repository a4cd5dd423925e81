// The call stack of a stopped .umptest session: the step about to run (named by its source line)
// on top, then each repeat around it with its turn, then the test.
import { basename } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { Stop } from '../../../testing';

export function stackFrames(
  stop: Stop,
  path: string,
  sourceLines: readonly string[],
  /** 0-based line to the client's numbering. */
  clientLine: (line: number) => number,
): DebugProtocol.StackFrame[] {
  const frames = stop.point.frames;
  const source: DebugProtocol.Source = { name: basename(path), path };
  return frames
    .map((frame, index) => {
      const isStep = index === frames.length - 1;
      const text = sourceLines[frame.span.line]?.trim();
      return {
        id: index,
        name: isStep && text ? text : frame.label,
        source,
        line: clientLine(frame.span.line),
        column: frame.span.column + 1,
      };
    })
    .reverse();
}
