// The monitor's settings (midiScope.monitor.*), read with their bounds enforced. Names and
// bounds match package.json's contributes.configuration.
import * as vscode from 'vscode';

export const monitorSettingsSection = 'midiScope.monitor';

export const captureMessagesSetting = {
  name: 'captureMessages',
  default: 1_000_000,
  min: 1_000,
  max: 20_000_000,
};
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

export function readMonitorSettings(warn: (message: string) => void): MonitorSettings {
  const configuration = vscode.workspace.getConfiguration(monitorSettingsSection);
  return {
    captureMessages: boundedInteger(configuration, captureMessagesSetting, warn),
    updatesPerSecond: boundedInteger(configuration, updatesPerSecondSetting, warn),
  };
}
