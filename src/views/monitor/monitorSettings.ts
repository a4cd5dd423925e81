// The monitor's settings (midiScope.monitor.*), read with their bounds enforced. Names and
// bounds match package.json's contributes.configuration.
import * as vscode from 'vscode';
import { captureBytesPerMessage, captureMessagesSetting } from './captureLimits';
import { resolveUserSetting } from './userSettingBounds';

export const monitorSettingsSection = 'midiScope.monitor';
export { captureMessagesSetting } from './captureLimits';

export const updatesPerSecondSetting = { name: 'updatesPerSecond', default: 30, min: 1, max: 30 };

export interface MonitorSettings {
  /** Messages the capture ring keeps. */
  captureMessages: number;
  /** Most updates posted to a visible monitor per second. */
  updatesPerSecond: number;
}

function boundedInteger(
  configuration: vscode.WorkspaceConfiguration,
  setting: { name: string; default: number; min: number; max: number },
  warn: (message: string) => void,
): number {
  const value = configuration.get<unknown>(setting.name, setting.default);
  if (typeof value === 'number' && Number.isInteger(value) && value >= setting.min && value <= setting.max) {
    return value;
  }
  warn(
    `${monitorSettingsSection}.${setting.name} must be a whole number from ${setting.min} to ${setting.max}, ` +
      `got ${JSON.stringify(value)}; using ${setting.default}`,
  );
  return setting.default;
}

/** captureMessages from the user's settings only; a refused value is said through `warn`. */
function captureMessages(
  configuration: vscode.WorkspaceConfiguration,
  warn: (message: string) => void,
): number {
  const { name, ...bounds } = captureMessagesSetting;
  const resolved = resolveUserSetting(
    {
      fullName: `${monitorSettingsSection}.${name}`,
      ...bounds,
      cost: (messages) => `about ${Math.round((messages * captureBytesPerMessage) / 1e6)} MB per monitor`,
    },
    configuration.inspect(name) ?? {},
  );
  for (const message of resolved.refused) warn(message);
  return resolved.value;
}

export function readMonitorSettings(warn: (message: string) => void): MonitorSettings {
  const configuration = vscode.workspace.getConfiguration(monitorSettingsSection);
  return {
    captureMessages: captureMessages(configuration, warn),
    updatesPerSecond: boundedInteger(configuration, updatesPerSecondSetting, warn),
  };
}
