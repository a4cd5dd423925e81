// midiScope.replaySelectedRows: the monitor's context menu item that replays the selected rows
// (webview/monitor/selectionContext.ts puts them in the menu's context). The rows go to Replay
// Capture as a slice of the active monitor's view; the endpoint, speed and groups are asked as
// usual unless the argument names them (as a test or a keybinding can).
import { UserFacingError } from '../commands/commandServices';
import type { ReplayOptions } from './replayCapture';

/** The replay options for the rows named by a webview context menu's argument. */
export function selectedRowsReplay(argument: unknown): ReplayOptions {
  const context = (typeof argument === 'object' && argument !== null ? argument : {}) as {
    midiScopeRows?: ReplayOptions['rows'];
  } & Pick<ReplayOptions, 'endpointDeviceId' | 'speed' | 'group'>;
  if (context.midiScopeRows === undefined)
    throw new UserFacingError(
      'Replay Selected Rows: select rows in a MIDI monitor first, then right-click them.',
    );
  const { endpointDeviceId, speed, group } = context;
  return { monitor: true, rows: context.midiScopeRows, endpointDeviceId, speed, group };
}
