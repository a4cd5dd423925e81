// "Open Exchange in Monitor": a test result's messages in a monitor that listens to nothing, the
// same grid, details and exports as a live one. A run opens no monitor by itself; this opens one
// from the result afterwards: from a test (or a file: all its tests) in the Test Explorer, from a
// failure message, or from the palette with a pick of the tests that ran. Each endpoint appears
// twice, as "→ out" (what the test sent) and "← in" (what it received).
import * as vscode from 'vscode';
import type { ExchangeMessage } from '../../testing';
import type { MonitorApi, MonitorHandle } from '../../views/monitor';
import { failure, type CommandFailure } from '../commands/commandServices';

export const openTestExchangeCommand = 'midiScope.openTestExchange';

/** The exchange of one test's latest run. */
export interface RecordedExchange {
  testId: string;
  /** "file.umptest › test name". */
  label: string;
  messages: ExchangeMessage[];
}

export type OpenTestExchangeResult =
  { ok: true; messages: number; endpointNames: string[]; monitor: MonitorHandle } | CommandFailure;

/** The endpoint column's name for a message: the direction first, then the file's alias. */
export function exchangeEndpointName(message: Pick<ExchangeMessage, 'direction' | 'endpoint'>): string {
  return `${message.direction === 'sent' ? '→' : '←'} ${message.endpoint}`;
}

/** The test items an argument names: a TestItem, `{ test }` from a failure message, or an id. */
function itemIds(argument: unknown): string[] | undefined {
  const item =
    typeof argument === 'object' && argument !== null && 'test' in argument ? argument.test : argument;
  if (typeof item === 'string') return [item];
  if (typeof item !== 'object' || item === null || !('id' in item)) return undefined;
  const testItem = item as vscode.TestItem;
  const ids = [testItem.id];
  testItem.children?.forEach((child) => ids.push(child.id));
  return ids;
}

async function pick(exchanges: ReadonlyMap<string, RecordedExchange>): Promise<string[] | undefined> {
  const chosen = await vscode.window.showQuickPick(
    [...exchanges.values()].map((exchange) => ({
      label: exchange.label,
      description: `${exchange.messages.length} packet(s)`,
      id: exchange.testId,
    })),
    { title: 'Open Exchange in Monitor', placeHolder: 'a test that ran' },
  );
  return chosen && [chosen.id];
}

export async function openTestExchange(
  monitorApi: MonitorApi,
  exchanges: ReadonlyMap<string, RecordedExchange>,
  argument: unknown,
): Promise<OpenTestExchangeResult> {
  if (exchanges.size === 0) {
    const reason = 'No MIDI test has run yet: run one in the Test Explorer, then open its exchange.';
    void vscode.window.showInformationMessage(reason);
    return failure(reason);
  }
  const ids = itemIds(argument) ?? (await pick(exchanges));
  if (ids === undefined) return failure('cancelled');
  const chosen = ids.map((id) => exchanges.get(id)).filter((e): e is RecordedExchange => e !== undefined);
  if (chosen.length === 0) {
    const reason = 'This test has not run yet: run it, then open its exchange.';
    void vscode.window.showInformationMessage(reason);
    return failure(reason);
  }
  const messages = chosen.flatMap((exchange) => exchange.messages);
  const endpointNames = [...new Set(messages.map(exchangeEndpointName))];
  const monitor = await monitorApi.openFile({
    title: `MIDI Test: ${chosen.length === 1 ? chosen[0].label : `${chosen.length} tests`}`,
    endpointNames,
    capacity: messages.length,
    fill: (capture) => {
      const timestamps = new Float64Array(1);
      for (const message of messages) {
        timestamps[0] = message.ticks;
        capture.append(message.words, timestamps, 1, endpointNames.indexOf(exchangeEndpointName(message)));
      }
    },
  });
  return { ok: true, messages: messages.length, endpointNames, monitor };
}
