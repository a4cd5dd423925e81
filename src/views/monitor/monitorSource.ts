// Where a monitor's messages come from: endpoints through the engine (EndpointListener), or a
// capture file that was loaded once and listens to nothing.
import type * as vscode from 'vscode';
import type { ListenFailure } from './endpointListener';

export interface MonitorSource extends vscode.Disposable {
  readonly failures: readonly ListenFailure[];
  /** Messages the engine dropped since the last resetDropped(). */
  readonly engineDropped: number;
  resetDropped(): void;
  readonly listenedEndpointIds: string[];
  /** Indexes of endpoints that are gone now (the monitor reconnects when they come back). */
  readonly goneEndpoints: number[];
}

/** A monitor over a capture file: nothing to listen to, nothing dropped. */
export const fileSource: MonitorSource = {
  failures: [],
  engineDropped: 0,
  resetDropped: () => undefined,
  listenedEndpointIds: [],
  goneEndpoints: [],
  dispose: () => undefined,
};

/** Endpoint ids of monitors over files start with this, so a reload does not try to listen to them. */
export const fileEndpointPrefix = 'capture-file:';
